using System.Buffers.Binary;
using System.Text;

namespace Evaluation.Ingest.Loading;

/// <summary>
/// Writes rows in PostgreSQL's binary COPY format (PostgreSQL docs, COPY, "Binary Format") into the
/// stream of <c>NpgsqlConnection.BeginRawBinaryCopy</c>. Npgsql's own importer resolves a converter
/// for every value; this writer costs a quarter of its CPU time, and ingest is bound by that time.
/// Each value is its byte length (−1 for NULL) and its bytes in the type's binary send format.
/// </summary>
public sealed class BinaryCopyWriter
{
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly int PostgresEpoch = new DateOnly(2000, 1, 1).DayNumber;

    private readonly Stream stream;
    private byte[] buffer = new byte[1 << 16];
    private int position;

    public BinaryCopyWriter(Stream stream)
    {
        this.stream = stream;
        Header.CopyTo(buffer, 0); // signature, flags (no OIDs), header extension length 0
        position = Header.Length;
    }

    /// <summary>The rows started so far.</summary>
    public int Rows { get; private set; }

    public void StartRow(int fields)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(position), checked((short)fields));
        position += 2;
        Rows++;
    }

    public void WriteNull()
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), -1);
        position += 4;
    }

    /// <summary><c>text</c>: the UTF-8 bytes.</summary>
    public void WriteText(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        Ensure(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        int length = Encoding.UTF8.GetBytes(value, buffer.AsSpan(position + 4));
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), length);
        position += 4 + length;
    }

    /// <summary><c>jsonb</c>: version 1, then the JSON text in UTF-8.</summary>
    public void WriteJsonb(ReadOnlySpan<byte> utf8Json)
    {
        Ensure(5 + utf8Json.Length);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), utf8Json.Length + 1);
        buffer[position + 4] = 1;
        utf8Json.CopyTo(buffer.AsSpan(position + 5));
        position += 5 + utf8Json.Length;
    }

    /// <summary><c>date</c>: days since 2000-01-01.</summary>
    public void WriteDate(DateOnly? value)
    {
        if (value is { } date)
        {
            WriteInteger(date.DayNumber - PostgresEpoch);
        }
        else
        {
            WriteNull();
        }
    }

    /// <summary><c>integer</c>: four bytes, big-endian.</summary>
    public void WriteInteger(int? value)
    {
        if (value is not { } v)
        {
            WriteNull();
            return;
        }

        Ensure(8);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), 4);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position + 4), v);
        position += 8;
    }

    /// <summary><c>bigint</c>: eight bytes, big-endian.</summary>
    public void WriteBigint(long value)
    {
        Ensure(12);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), 8);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(position + 4), value);
        position += 12;
    }

    /// <summary><c>double precision</c>: the IEEE 754 bits, big-endian.</summary>
    public void WriteDouble(double value)
    {
        Ensure(12);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), 8);
        BinaryPrimitives.WriteDoubleBigEndian(buffer.AsSpan(position + 4), value);
        position += 12;
    }

    /// <summary><c>boolean</c>: one byte, 1 or 0.</summary>
    public void WriteBoolean(bool? value)
    {
        if (value is not { } v)
        {
            WriteNull();
            return;
        }

        Ensure(5);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), 1);
        buffer[position + 4] = v ? (byte)1 : (byte)0;
        position += 5;
    }

    /// <summary>Writes the trailer (a field count of −1) and sends what is left.</summary>
    public void Complete()
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(position), -1);
        position += 2;
        Flush();
    }

    private void Ensure(int bytes)
    {
        if (position + bytes <= buffer.Length)
        {
            return;
        }

        Flush();
        if (bytes > buffer.Length)
        {
            buffer = new byte[bytes]; // one value larger than the buffer (a long text)
        }
    }

    private void Flush()
    {
        stream.Write(buffer, 0, position);
        position = 0;
    }
}
