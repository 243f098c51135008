namespace YouthMonth.Core.Dialogs.Engine;

/// <summary>How a command behaves when the chat is in the middle of a dialog.</summary>
public enum CommandMode
{
    /// <summary>Runs as is (e.g. /huy).</summary>
    Immediate,
    /// <summary>Runs, then the open question is asked again (e.g. /trogiup, /trangthai).</summary>
    ThenAskAgain,
    /// <summary>Starts a dialog; with one open, asks "Bạn đang … dở, tiếp tục nhé?" instead (e.g. /baocao).</summary>
    StartsDialog,
}

/// <summary>What a command is given: its arguments, and whether the chat was in a dialog when it came.</summary>
public readonly record struct CommandCall(string? Args, bool InDialog);

/// <summary>
/// A command a dialog (or a view such as /trangthai) declares: its Vietnamese name and aliases, the line in the
/// Telegram command menu, how it behaves during a dialog, and what it runs. The router and the menu are built
/// from these declarations, so adding a command touches only the class that handles it.
/// </summary>
public sealed record DialogCommand(string Name, Func<DialogContext, CommandCall, CancellationToken, Task> Run)
{
    /// <summary>Other names that run it (English: "report" for "baocao").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>The line in Telegram's command menu; null keeps it out of the menu.</summary>
    public string? Menu { get; init; }
    /// <summary>Position in the menu (lower first).</summary>
    public int MenuOrder { get; init; }
    public CommandMode Mode { get; init; } = CommandMode.Immediate;
    /// <summary>Also runs for chats that are not registered (/start with an invite code).</summary>
    public bool OpenToUnregistered { get; init; }
    /// <summary>What a leader group hears instead (leader groups only use /tonghop); null: "leaders do not report".</summary>
    public string? LeaderReply { get; init; }

    public IEnumerable<string> AllNames => Aliases.Prepend(Name);
}

/// <summary>Something that declares commands: a dialog, or a view the router runs (status, registration).</summary>
public interface IDeclaresCommands
{
    IEnumerable<DialogCommand> Commands { get; }
}
