namespace YouthMonth.Core.Messaging;

/// <summary>
/// A chat command handled outside the guided dialogs (e.g. /summary in a leader chat). The dialog router asks
/// every registered handler before its own commands; names are lower-case without the slash.
/// </summary>
public interface ICommandHandler
{
    IReadOnlyCollection<string> Commands { get; }
    Task HandleAsync(Conversation conversation, string? arguments, CancellationToken ct);
}
