// Independent reader check of a research export (SPEC §8, issue 18): reads courses.parquet and
// waves.parquet with hyparquet (a Parquet reader that shares no code with Parquet.Net), checks each
// column's Parquet type against the codebook, and compares every cell with the CSV file.
// Usage: node check.mjs <export folder>   (exit 0 = all match; 1 = differences, listed; 2 = usage)
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'

const folder = process.argv[2]
if (!folder) {
  console.error('usage: node check.mjs <export folder>')
  process.exit(2)
}

/** RFC 4180: records of fields; quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text) {
  const records = []
  let record = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++ }
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') { record.push(field); field = '' }
    else if (c === '\n') { record.push(field.replace(/\r$/, '')); records.push(record); record = []; field = '' }
    else field += c
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record) }
  return records
}

/** The type a Parquet column has, in the codebook's words. */
function typeOf(element) {
  if (element.logical_type?.type === 'DATE' || element.converted_type === 'DATE') return 'date'
  if (element.type === 'INT32') return 'int32'
  if (element.type === 'DOUBLE') return 'double'
  if (element.type === 'BYTE_ARRAY' && (element.logical_type?.type === 'STRING' || element.converted_type === 'UTF8')) return 'string'
  return `${element.type}/${element.logical_type?.type ?? element.converted_type ?? '-'}`
}

/** A Parquet value as the CSV writes it (null = empty cell). */
function asCsv(value, type) {
  if (value === null || value === undefined) return ''
  if (type === 'date') return value.toISOString().slice(0, 10)
  return String(value)
}

function sameCell(parquet, csv, type) {
  if (type === 'double' && parquet !== '' && csv !== '') return Number(parquet) === Number(csv)
  return parquet === csv
}

const codebook = parseCsv(readFileSync(join(folder, 'codebook.csv'), 'utf8'))
const codebookHeader = codebook[0]
const problems = []
for (const name of ['courses', 'waves']) {
  const file = await asyncBufferFromFile(join(folder, `${name}.parquet`))
  const metadata = await parquetMetadataAsync(file)
  const elements = metadata.schema.slice(1)
  const columns = elements.map(e => e.name)
  const types = Object.fromEntries(elements.map(e => [e.name, typeOf(e)]))
  const rows = await parquetReadObjects({ file })
  const [header, ...csvRows] = parseCsv(readFileSync(join(folder, `${name}.csv`), 'utf8'))

  if (new Set(columns).size !== columns.length) problems.push(`${name}.parquet: a column name is used twice`)
  if (header.join(',') !== columns.join(',')) problems.push(`${name}: CSV columns [${header}] differ from Parquet columns [${columns}]`)
  if (csvRows.length !== rows.length) problems.push(`${name}: ${csvRows.length} CSV rows, ${rows.length} Parquet rows`)

  const entries = codebook.slice(1).filter(r => r[0] === name)
  const typeColumn = codebookHeader.indexOf('type')
  for (const entry of entries) {
    if (types[entry[1]] !== entry[typeColumn]) problems.push(`${name}.${entry[1]}: codebook type ${entry[typeColumn]}, Parquet type ${types[entry[1]]}`)
  }
  if (entries.map(e => e[1]).join(',') !== columns.join(',')) problems.push(`${name}: codebook variables differ from the columns`)

  for (let r = 0; r < Math.min(rows.length, csvRows.length); r++) {
    header.forEach((column, c) => {
      const parquet = asCsv(rows[r][column], types[column])
      if (!sameCell(parquet, csvRows[r][c], types[column])) problems.push(`${name} row ${r + 1} ${column}: Parquet ${parquet || '(empty)'}, CSV ${csvRows[r][c] || '(empty)'}`)
    })
  }

  const summary = Object.entries(types).reduce((acc, [, t]) => ({ ...acc, [t]: (acc[t] ?? 0) + 1 }), {})
  console.log(`${name}.parquet: ${rows.length} rows, ${columns.length} columns (${Object.entries(summary).map(([t, n]) => `${n} ${t}`).join(', ')}) read by hyparquet`)
}

if (problems.length > 0) {
  console.error(`${problems.length} differences:`)
  for (const p of problems.slice(0, 30)) console.error(`  ${p}`)
  process.exit(1)
}
console.log('Parquet and CSV agree cell by cell; every column has the codebook\'s type.')
