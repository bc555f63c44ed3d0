using System.Security.Cryptography;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace Evaluation.Ingest.Reading;

/// <summary>What a file's first bytes say it is, whatever its name says.</summary>
public enum FileSignature
{
    Empty,
    Text,
    Zip,
    OleCompound,
}

/// <summary>
/// One streaming pass over a file's bytes: its SHA-256 (for idempotent re-ingest), what its first
/// bytes say it is, and, for CSV, its encoding (SPEC §2): a byte-order mark decides (UTF-8, UTF-16
/// LE/BE); otherwise strict UTF-8; a file that is UTF-8 apart from a few stray bytes stays UTF-8
/// (the rows holding them are quarantined, <see cref="HasBadBytes"/>); Windows-1252 only when the file is not UTF-8 at all.
/// </summary>
public sealed record FileFingerprint(string Sha256, long Length, FileSignature Signature, Encoding Encoding, string EncodingName, int BomLength, bool HasBadBytes)
{
    static FileFingerprint() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>Whether the file starts with a byte-order mark.</summary>
    public bool HasBom => BomLength > 0;

    /// <summary>Whether the file holds nothing but a byte-order mark (or nothing at all).</summary>
    public bool IsBlank => Length == BomLength;

    /// <summary>NUL bytes in a text file: a few are bad values; as many as every other byte, text saved as UTF-16 without a byte-order mark.</summary>
    public long NulBytes { get; init; }

    /// <summary>A text file without a byte-order mark of which a quarter or more is NUL bytes: UTF-16 (or binary), not CSV text.</summary>
    public bool LooksLikeUtf16WithoutBom => BomLength == 0 && Length > 0 && NulBytes * 4 >= Length;

    public static FileFingerprint Of(string path, string salt)
    {
        using var stream = SafeFile.OpenRead(path);

        // A workbook is binary: its encoding is the workbook's business.
        bool text = !path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(salt + "\n"));
        var buffer = new byte[1 << 16];
        var utf8 = new Utf8Tally();
        long length = 0, nulBytes = 0;
        var head = Array.Empty<byte>();
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var block = buffer.AsSpan(0, read);
            hash.AppendData(block);
            if (length == 0)
            {
                head = block[..Math.Min(8, read)].ToArray();
            }

            length += read;
            if (text)
            {
                utf8.Add(block);
                nulBytes += block.Count((byte)0);
            }
        }

        utf8.Finish();
        var (bom, encoding, name) = Decide(head, utf8);
        var fingerprint = new FileFingerprint(Convert.ToHexStringLower(hash.GetHashAndReset()), length, SignatureOf(head), encoding, name, bom, encoding is UTF8Encoding && bom != 2 && utf8.Invalid > 0)
        {
            NulBytes = nulBytes,
        };

        // Named for what it is, not for the encoding it would have been read in: it is not read at all.
        return fingerprint.LooksLikeUtf16WithoutBom ? fingerprint with { EncodingName = "UTF-16 without byte-order mark (not read)" } : fingerprint;
    }

    private static FileSignature SignatureOf(byte[] head) => head switch
    {
        [] => FileSignature.Empty,
        [0x50, 0x4B, 0x03 or 0x05 or 0x07, 0x04 or 0x06 or 0x08, ..] => FileSignature.Zip,
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] => FileSignature.OleCompound,
        _ => FileSignature.Text,
    };

    private static (int Bom, Encoding Encoding, string Name) Decide(byte[] head, Utf8Tally utf8)
    {
        // Replacement, not exceptions: a stray byte becomes U+FFFD and its row is quarantined.
        var replacingUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        return head switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (3, replacingUtf8, "UTF-8 with BOM"),
            [0xFF, 0xFE, ..] => (2, new UnicodeEncoding(bigEndian: false, byteOrderMark: false), "UTF-16 LE"),
            [0xFE, 0xFF, ..] => (2, new UnicodeEncoding(bigEndian: true, byteOrderMark: false), "UTF-16 BE"),
            _ when utf8.Invalid == 0 => (0, replacingUtf8, "UTF-8"),

            // A Windows-1252 file has its æøå as lone bytes and next to no valid multi-byte sequence
            // (one needs a letter like Ã followed by a symbol like ¸). Reading UTF-8 as Windows-1252
            // changes every æøå without a word (København becomes KÃ¸benhavn); reading Windows-1252
            // as UTF-8 quarantines the rows with the lone bytes, with the reason. So the valid
            // multi-byte sequences decide for UTF-8 unless lone bytes outnumber them ten to one.
            _ when utf8.MultiByte > 0 && utf8.Invalid <= 10 * utf8.MultiByte => (0, replacingUtf8, "UTF-8 (with bytes that are not UTF-8)"),
            _ => (0, Windows1252, "Windows-1252"),
        };
    }

    /// <summary>Counts valid multi-byte UTF-8 sequences and invalid bytes, across block boundaries.</summary>
    private sealed class Utf8Tally
    {
        private int pending; // continuation bytes still expected
        private byte low = 0x80, high = 0xBF; // the range of the next continuation byte (excludes overlongs and surrogates)

        public long MultiByte { get; private set; }

        public long Invalid { get; private set; }

        /// <summary>A file that ends inside a multi-byte sequence ends with an invalid byte.</summary>
        public void Finish()
        {
            if (pending > 0)
            {
                Invalid++;
                pending = 0;
            }
        }

        public void Add(ReadOnlySpan<byte> block)
        {
            // Finish a sequence begun in the previous block, then check the rest at vector speed:
            // a valid stretch only needs its lead bytes counted, byte by byte only where it is not valid.
            int i = 0;
            while (pending > 0 && i < block.Length)
            {
                Step(block[i++]);
            }

            var rest = block[i..];
            int cut = rest.Length - IncompleteTail(rest);
            if (Utf8.IsValid(rest[..cut]))
            {
                MultiByte += CountLeadBytes(rest[..cut]);
                rest = rest[cut..];
            }

            foreach (var b in rest)
            {
                Step(b);
            }
        }

        /// <summary>How many bytes at the end begin a sequence that the block does not finish (0–3).</summary>
        private static int IncompleteTail(ReadOnlySpan<byte> span)
        {
            for (int back = 1; back <= Math.Min(3, span.Length); back++)
            {
                byte b = span[^back];
                if ((b & 0xC0) != 0x80)
                {
                    int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                    return length > back ? back : 0;
                }
            }

            return 0;
        }

        /// <summary>The bytes of a valid UTF-8 stretch that start a multi-byte sequence (0xC0 and above).</summary>
        private static long CountLeadBytes(ReadOnlySpan<byte> span)
        {
            long count = 0;
            int i = 0;
            if (Vector128.IsHardwareAccelerated)
            {
                var threshold = Vector128.Create((byte)0xBF);
                for (; i + 16 <= span.Length; i += 16)
                {
                    var bytes = Vector128.Create(span.Slice(i, 16));
                    count += BitOperations.PopCount(Vector128.GreaterThan(bytes, threshold).ExtractMostSignificantBits());
                }
            }

            for (; i < span.Length; i++)
            {
                if (span[i] >= 0xC0)
                {
                    count++;
                }
            }

            return count;
        }

        private void Step(byte b)
        {
            if (pending > 0)
            {
                if (b >= low && b <= high)
                {
                    (low, high) = (0x80, 0xBF);
                    if (--pending == 0)
                    {
                        MultiByte++;
                    }

                    return;
                }

                Invalid++;
                (pending, low, high) = (0, 0x80, 0xBF);
            }

            switch (b)
            {
                case < 0x80: break;
                case >= 0xC2 and <= 0xDF: pending = 1; break;
                case 0xE0: (pending, low) = (2, 0xA0); break;
                case 0xED: (pending, high) = (2, 0x9F); break;
                case >= 0xE1 and <= 0xEF: pending = 2; break;
                case 0xF0: (pending, low) = (3, 0x90); break;
                case 0xF4: (pending, high) = (3, 0x8F); break;
                case >= 0xF1 and <= 0xF3: pending = 3; break;
                default: Invalid++; break;
            }
        }
    }
}
