using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Evaluation.Ingest.Reading;

/// <summary>
/// One streaming pass over a file's bytes: its SHA-256 (for idempotent re-ingest) and, for CSV,
/// whether it is UTF-8 (with or without BOM) or else Windows-1252 (SPEC §2).
/// </summary>
public sealed record FileFingerprint(string Sha256, Encoding Encoding, bool HasBom)
{
    private static readonly Encoding Utf8Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static FileFingerprint() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public static FileFingerprint Of(string path, string salt)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(salt + "\n"));
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length];
        bool validUtf8 = true;
        bool first = true;
        bool hasBom = false;
        int carry = 0; // bytes of an incomplete UTF-8 sequence kept from the previous block
        int read;
        while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
        {
            hash.AppendData(buffer, carry, read);
            int length = carry + read;
            if (first)
            {
                hasBom = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF;
                first = false;
            }

            if (validUtf8)
            {
                var status = Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out int consumed, out _, replaceInvalidSequences: false, isFinalBlock: false);
                if (status == System.Buffers.OperationStatus.InvalidData)
                {
                    validUtf8 = false;
                }

                carry = length - consumed;
                buffer.AsSpan(consumed, carry).CopyTo(buffer);
            }
            else
            {
                carry = 0;
            }
        }

        if (carry > 0)
        {
            validUtf8 = false; // the file ends inside a multi-byte sequence
        }

        var encoding = validUtf8 ? Utf8Strict : Windows1252;
        return new FileFingerprint(Convert.ToHexStringLower(hash.GetHashAndReset()), encoding, hasBom);
    }
}
