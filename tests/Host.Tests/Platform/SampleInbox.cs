using Evaluation.Ingest.Reading;
using Evaluation.TestSupport;

namespace Evaluation.Host.Tests.Platform;

/// <summary>Files for an inbox: the committed sample data, or a larger generated set.</summary>
internal static class SampleInbox
{
    public static string SampleData
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (Directory.Exists(Path.Combine(folder.FullName, "sample-data")) && File.Exists(Path.Combine(folder.FullName, "Evaluation.sln")))
                {
                    return Path.Combine(folder.FullName, "sample-data");
                }
            }

            throw new DirectoryNotFoundException("sample-data was not found above the test folder.");
        }
    }

    /// <summary>
    /// Copies a folder's files into the inbox through a hidden name, so a scan never sees half a file,
    /// each stamped now, so that the settle time holds the scan off until the whole drop is in.
    /// </summary>
    public static int Drop(string from, string inbox)
    {
        int count = 0;
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(inbox, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var hidden = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target));
            File.Copy(file, hidden, overwrite: true);
            File.SetLastWriteTimeUtc(hidden, DateTime.UtcNow);
            File.Move(hidden, target, overwrite: true);
            count++;
        }

        return count;
    }

    /// <summary>Files still waiting in the inbox (not yet archived or quarantined).</summary>
    public static int Waiting(string inbox) => Directory.Exists(inbox) ? InboxFile.List(inbox).Count : 0;

    /// <summary>A generated inbox of <paramref name="courses"/> courses: large enough that ingest takes a few seconds.</summary>
    public static string Generate(TempFolder folder, int courses, int seed)
    {
        var path = folder.Combine("generated");
        Evaluation.Host.Commands.GenerateCommand.Generate(path, courses, seed);
        return path;
    }
}
