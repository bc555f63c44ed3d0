namespace Evaluation.Ingest.Reading;

/// <summary>One file of an inbox-like folder: its path, its kind (null if the name has none) and its municipality folder.</summary>
public sealed record InboxFile(string Path, string DisplayName, InputKind? Kind, string Municipality)
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "archive", "quarantine" };

    /// <summary>
    /// The files of a folder laid out like the inbox (<c>&lt;dir&gt;/&lt;municipality&gt;/*.csv|xlsx</c>;
    /// files directly in the folder take the folder's own name as municipality). Ordered so that
    /// staff and courses come first and, within a kind, files in name order: a later file wins.
    /// </summary>
    public static IReadOnlyList<InboxFile> List(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder {folder} does not exist.");
        }

        var root = System.IO.Path.GetFullPath(folder);
        var files = new List<InboxFile>();
        Add(files, root, root, System.IO.Path.GetFileName(root.TrimEnd(System.IO.Path.DirectorySeparatorChar)));
        foreach (var sub in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(sub);
            if (!SkippedFolders.Contains(name) && !name.StartsWith('.'))
            {
                Add(files, root, sub, name);
            }
        }

        return files
            .OrderBy(f => f.Kind ?? (InputKind)int.MaxValue)
            .ThenBy(f => System.IO.Path.GetFileName(f.Path), StringComparer.Ordinal)
            .ThenBy(f => f.Municipality, StringComparer.Ordinal)
            .ToList();
    }

    private static void Add(List<InboxFile> files, string root, string folder, string municipality)
    {
        foreach (var path in Directory.GetFiles(folder))
        {
            var name = System.IO.Path.GetFileName(path);
            if (name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal))
            {
                continue; // hidden files and Excel's lock files
            }

            files.Add(new InboxFile(path, System.IO.Path.GetRelativePath(root, path), InputKinds.FromFileName(name), municipality));
        }
    }
}
