using System.Text;
using Evaluation.Ingest.Loading;
using Evaluation.TestSupport;
using Npgsql;

namespace Evaluation.Ingest.Tests.Loading;

/// <summary>PostgreSQL's binary COPY format (docs, COPY, "Binary Format"), byte by byte and against a real server.</summary>
public sealed class BinaryCopyWriterTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static byte[] Written(Action<BinaryCopyWriter> write)
    {
        using var stream = new MemoryStream();
        var writer = new BinaryCopyWriter(stream);
        write(writer);
        writer.Complete();
        return stream.ToArray();
    }

    private static readonly byte[] Header = [.. "PGCOPY\n"u8, 0xFF, .. "\r\n"u8, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    [Fact]
    public void An_empty_copy_is_the_signature_the_flags_the_extension_length_and_the_trailer()
    {
        Assert.Equal([.. Header, 0xFF, 0xFF], Written(_ => { }));
    }

    [Fact]
    public void Each_value_is_its_length_and_its_bytes_in_network_order()
    {
        var bytes = Written(w =>
        {
            w.StartRow(8);
            w.WriteText("æ");                           // UTF-8 c3 a6
            w.WriteDate(new DateOnly(2000, 1, 2));      // one day after the PostgreSQL epoch
            w.WriteInteger(-2);
            w.WriteBigint(258);
            w.WriteDouble(1.5);                         // 0x3FF8000000000000
            w.WriteBoolean(true);
            w.WriteJsonb("{}"u8);                       // version 1, then the text
            w.WriteText(null);
        });

        byte[] row =
        [
            0, 8,
            0, 0, 0, 2, 0xC3, 0xA6,
            0, 0, 0, 4, 0, 0, 0, 1,
            0, 0, 0, 4, 0xFF, 0xFF, 0xFF, 0xFE,
            0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 1, 2,
            0, 0, 0, 8, 0x3F, 0xF8, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 1, 1,
            0, 0, 0, 3, 1, (byte)'{', (byte)'}',
            0xFF, 0xFF, 0xFF, 0xFF,
        ];
        Assert.Equal([.. Header, .. row, 0xFF, 0xFF], bytes);
    }

    [Fact]
    public async Task Rows_written_by_it_load_into_PostgreSQL_with_every_type_and_a_value_larger_than_the_buffer()
    {
        await using var connection = new NpgsqlConnection(await postgres.NewDatabaseAsync());
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE t (n integer, t text, d date, b bigint, f double precision, y boolean, j jsonb)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var longText = new string('ø', 100_000); // 200,000 bytes in UTF-8: more than the 64 KiB buffer
        await using (var stream = await connection.BeginRawBinaryCopyAsync("COPY t FROM STDIN (FORMAT BINARY)"))
        {
            var writer = new BinaryCopyWriter(stream);
            for (int i = 0; i < 10_000; i++)
            {
                writer.StartRow(7);
                writer.WriteInteger(i);
                writer.WriteText(i == 5 ? longText : $"række {i}");
                writer.WriteDate(i % 2 == 0 ? new DateOnly(2024, 2, 29) : null);
                writer.WriteBigint(-i);
                writer.WriteDouble(i / 4.0);
                writer.WriteBoolean(i % 3 == 0 ? null : i % 3 == 1);
                writer.WriteJsonb(Encoding.UTF8.GetBytes($"{{\"i\": {i}}}"));
            }

            writer.Complete();
            Assert.Equal(10_000, writer.Rows);
        }

        await using var check = new NpgsqlCommand(
            """
            SELECT count(*), sum(n), count(d), min(d)::text, sum(b), sum(f), count(y), count(*) FILTER (WHERE y),
                   (SELECT t FROM t WHERE n = 5) = repeat('ø', 100000), (SELECT t FROM t WHERE n = 7), sum((j->>'i')::int)
            FROM t
            """, connection);
        await using var reader = await check.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(10_000L, reader.GetInt64(0));
        Assert.Equal(49_995_000L, reader.GetInt64(1));
        Assert.Equal(5_000L, reader.GetInt64(2));
        Assert.Equal("2024-02-29", reader.GetString(3));
        Assert.Equal(-49_995_000m, reader.GetDecimal(4));
        Assert.Equal(49_995_000 / 4.0, reader.GetDouble(5));
        Assert.Equal(6_666L, reader.GetInt64(6));   // every third row is NULL
        Assert.Equal(3_333L, reader.GetInt64(7));   // i % 3 == 1
        Assert.True(reader.GetBoolean(8));
        Assert.Equal("række 7", reader.GetString(9));
        Assert.Equal(49_995_000L, reader.GetInt64(10));
    }
}
