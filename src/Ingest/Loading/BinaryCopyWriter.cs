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
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), checked((short)fields));
        Rows++;
    }

    public void WriteNull() => BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1);

    /// <summary><c>text</c>: the UTF-8 bytes.</summary>
    public void WriteText(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        // Encoded in place behind its length, which is known only afterwards.
        Ensure(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        int length = Encoding.UTF8.GetBytes(value, buffer.AsSpan(position + 4));
        BinaryPrimitives.WriteInt32BigEndian(Reserve(4 + length), length);
    }

    /// <summary><c>jsonb</c>: version 1, then the JSON text in UTF-8.</summary>
    public void WriteJsonb(ReadOnlySpan<byte> utf8Json)
    {
        var bytes = Value(1 + utf8Json.Length);
        bytes[0] = 1;
        utf8Json.CopyTo(bytes[1..]);
    }

    /// <summary><c>date</c>: days since 2000-01-01.</summary>
    public void WriteDate(DateOnly? value) => WriteInteger(value?.DayNumber - PostgresEpoch);

    /// <summary><c>integer</c>: four bytes, big-endian.</summary>
    public void WriteInteger(int? value)
    {
        if (value is { } v)
        {
            BinaryPrimitives.WriteInt32BigEndian(Value(4), v);
        }
        else
        {
            WriteNull();
        }
    }

    /// <summary><c>bigint</c>: eight bytes, big-endian.</summary>
    public void WriteBigint(long value) => BinaryPrimitives.WriteInt64BigEndian(Value(8), value);

    /// <summary><c>double precision</c>: the IEEE 754 bits, big-endian.</summary>
    public void WriteDouble(double value) => BinaryPrimitives.WriteDoubleBigEndian(Value(8), value);

    /// <summary><c>boolean</c>: one byte, 1 or 0.</summary>
    public void WriteBoolean(bool? value)
    {
        if (value is { } v)
        {
            Value(1)[0] = v ? (byte)1 : (byte)0;
        }
        else
        {
            WriteNull();
        }
    }

    /// <summary>Writes the trailer (a field count of −1) and sends what is left.</summary>
    public void Complete()
    {
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);
        Flush();
    }

    /// <summary>Writes a value's length and returns the room for its bytes.</summary>
    private Span<byte> Value(int length)
    {
        var field = Reserve(4 + length);
        BinaryPrimitives.WriteInt32BigEndian(field, length);
        return field[4..];
    }

    /// <summary>Takes the next <paramref name="bytes"/> bytes of the buffer, sending it first when full.</summary>
    private Span<byte> Reserve(int bytes)
    {
        Ensure(bytes);
        var room = buffer.AsSpan(position, bytes);
        position += bytes;
        return room;
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
