using System.Text;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>
/// docs/transcripts/*.md are recorded from test conversations, never written by hand. A test compares its
/// recording with the file; with YOUTHMONTH_WRITE_TRANSCRIPTS=1 it (re)writes the file instead.
/// </summary>
public static class Transcripts
{
    public static void Check(string name, string title, string intro, params ChatSession[] sessions)
    {
        var sb = new StringBuilder($"# {title}\n\n{intro}\n\n")
            .Append("_Recorded by `").Append(name).Append("` in tests/YouthMonth.Core.Tests/Dialogs; regenerate with ")
            .Append("`YOUTHMONTH_WRITE_TRANSCRIPTS=1` (see docs/dialogs.md). Buttons are shown as `[…]`; on Zalo they are numbered lists._\n\n");
        foreach (var s in sessions) sb.Append(s.Transcript);
        var text = sb.ToString().TrimEnd() + "\n";
        var path = Path.Combine(RepoRoot(), "docs", "transcripts", name + ".md");
        if (Environment.GetEnvironmentVariable("YOUTHMONTH_WRITE_TRANSCRIPTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the test with YOUTHMONTH_WRITE_TRANSCRIPTS=1 to record it.");
        Assert.Equal(File.ReadAllText(path), text);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "YouthMonth.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("YouthMonth.sln not found above the test folder.");
    }
}
