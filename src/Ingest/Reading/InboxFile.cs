namespace Evaluation.Ingest.Reading;

/// <summary>
/// One entry of an inbox-like folder: its path, its kind (null if the name has none), its
/// municipality folder, and, when it is not a regular file (a symbolic link, a named pipe, a
/// device, a folder), why it is not read (<see cref="Refusal"/>): such an entry is reported and never opened.
/// </summary>
public sealed record InboxFile(string Path, string DisplayName, InputKind? Kind, string Municipality)
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "archive", "quarantine" };

    /// <summary>Why the entry is not read (not a regular file, or a hidden one named like an input), or null.</summary>
    public string? Refusal { get; init; }

    /// <summary>
    /// The entries of a folder laid out like the inbox (<c>&lt;dir&gt;/&lt;municipality&gt;/*.csv|xlsx</c>;
    /// a file directly in the folder has no municipality folder, so its rows must name their
    /// municipality). Ordered so that
    /// staff and courses come first and, within a kind, files in name order: a later file wins.
    /// Links are never followed, not even to a municipality folder.
    /// </summary>
    public static IReadOnlyList<InboxFile> List(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder {folder} does not exist.");
        }

        var root = System.IO.Path.GetFullPath(folder);
        var files = new List<InboxFile>();
        Add(files, root, root, "", topLevel: true); // outside a municipality folder: the rows must name their municipality
        foreach (var sub in new DirectoryInfo(root).EnumerateDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (SkippedFolders.Contains(sub.Name) || sub.Name.StartsWith('.'))
            {
                continue;
            }

            if (sub.LinkTarget is not null)
            {
                files.Add(new InboxFile(sub.FullName, sub.Name + "/", null, sub.Name) { Refusal = SafeFile.Refusal(sub.FullName) });
                continue;
            }

            // The municipality as a person reads the folder's name: "Aalborg " is Aalborg, and an
            // "Århus" made on a Mac (A + ring) is the same as one made on Windows.
            Add(files, root, sub.FullName, Cell.Clean(sub.Name), topLevel: false);
        }

        return files
            .OrderBy(f => f.Kind ?? (InputKind)int.MaxValue)
            .ThenBy(f => System.IO.Path.GetFileName(f.Path), StringComparer.Ordinal)
            .ThenBy(f => f.Municipality, StringComparer.Ordinal)
            .ToList();
    }

    private static void Add(List<InboxFile> files, string root, string folder, string municipality, bool topLevel)
    {
        List<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().ToList();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            files.Add(new InboxFile(folder, System.IO.Path.GetRelativePath(root, folder) + "/", null, municipality)
            {
                Refusal = "the folder could not be listed (permissions?); nothing in it was read",
            });
            return;
        }

        foreach (var entry in entries)
        {
            var name = entry.Name;
            if (name.StartsWith("~$", StringComparison.Ordinal) || (name.StartsWith('.') && InputKinds.FromFileName(name.TrimStart('.')) is null))
            {
                continue; // Excel's lock files, and hidden files that are no input (.DS_Store, editors' backups)
            }

            if (name.StartsWith('.'))
            {
                // A hidden file named like an input kind may be a delivery someone hid: say so rather than pass it over.
                files.Add(new InboxFile(entry.FullName, System.IO.Path.GetRelativePath(root, entry.FullName), null, municipality)
                {
                    Refusal = "a hidden file (its name starts with a dot): not read; rename it without the dot if it is to be loaded",
                });
                continue;
            }

            bool folderEntry = entry is DirectoryInfo && entry.LinkTarget is null;
            if (folderEntry && topLevel)
            {
                continue; // a municipality folder, listed by the caller
            }

            var display = System.IO.Path.GetRelativePath(root, entry.FullName) + (folderEntry ? "/" : "");
            files.Add(new InboxFile(entry.FullName, display, InputKinds.FromFileName(name), municipality)
            {
                Refusal = folderEntry ? "a folder inside a municipality folder; not read (put the files in the municipality folder itself)" : SafeFile.Refusal(entry.FullName),
            });
        }
    }
}
