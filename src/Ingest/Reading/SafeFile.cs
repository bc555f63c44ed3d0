using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Evaluation.Ingest.Reading;

/// <summary>
/// Only regular files are read from an inbox. A symbolic link is never followed (a link named
/// courses.csv may point at the pseudonym key), and a named pipe or a device is never opened (a
/// pipe blocks for ever). The type is taken with lstat before opening, and the file is opened with
/// O_NOFOLLOW | O_NONBLOCK and checked again with fstat, so that swapping the file in between does not help.
/// </summary>
public static partial class SafeFile
{
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    /// <summary>Why an inbox entry is not read, or null for a regular file.</summary>
    public static string? Refusal(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            var info = new FileInfo(path);
            return info.LinkTarget is not null ? Describe(0xA000) : Directory.Exists(path) ? Describe(0x4000) : null;
        }

        var status = new byte[256];
        if (Native.LStat(path, status) != 0)
        {
            return "the file vanished or cannot be examined; not read";
        }

        int type = BitConverter.ToInt32(status, 4) & TypeMask;
        return type == Regular ? null : Describe(type);
    }

    /// <summary>Opens a regular file for reading without following a link; anything else is an <see cref="UnreadableFileException"/>.</summary>
    public static FileStream OpenRead(string path, int bufferSize = 1 << 16)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            if (Refusal(path) is { } refusal)
            {
                throw new UnreadableFileException(refusal);
            }

            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize);
        }

        int fd = Native.Open(path, OpenFlags());
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new UnreadableFileException(errno is 40 or 62 // ELOOP on Linux, macOS: the last part is a link
                ? Describe(0xA000)
                : $"the file could not be opened (error {errno}); not read");
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var status = new byte[256];
        int type = Native.FStat(handle, status) == 0 ? BitConverter.ToInt32(status, 4) & TypeMask : 0;
        if (type != Regular)
        {
            handle.Dispose();
            throw new UnreadableFileException(Describe(type));
        }

        return new FileStream(handle, FileAccess.Read, bufferSize);
    }

    private static string Describe(int type) => type switch
    {
        0xA000 => "a symbolic link; links are not followed, so nothing was read (copy the file itself into the inbox)",
        0x4000 => "a folder, not a file; not read",
        0x1000 => "a named pipe, not a file; not read",
        0xC000 => "a socket, not a file; not read",
        0x2000 or 0x6000 => "a device, not a file; not read",
        _ => "not a regular file; not read",
    };

    private static int OpenFlags()
    {
        if (OperatingSystem.IsMacOS())
        {
            return 0x0004 | 0x0100 | 0x0100_0000; // O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC
        }

        // Linux: O_NOFOLLOW differs between the generic ABI (arm64) and x86.
        int noFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;
        return 0x800 | noFollow | 0x80000; // O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC
    }

    private static partial class Native
    {
        // .NET's own platform layer: its stat record is the same on every Unix (flags, then mode).
        [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static partial int LStat(string path, [Out] byte[] status);

        [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static partial int FStat(SafeFileHandle fd, [Out] byte[] status);

        [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static partial int Open(string path, int flags);
    }
}
