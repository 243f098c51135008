using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Tests.Infrastructure;

/// <summary>
/// Stand-in for the dialog router (built on branch dialogs): asks every registered <see cref="ICommandHandler"/>
/// first, as agreed, and answers anything else with "?" so a test sees it was not handled.
/// </summary>
public sealed class CommandRouter(IEnumerable<ICommandHandler> handlers) : IMessageHandler
{
    public async Task HandleAsync(Conversation conversation, CancellationToken ct)
    {
        var command = conversation.Message.Command;
        if (command is not null && handlers.FirstOrDefault(h => h.Commands.Contains(command)) is { } handler)
            await handler.HandleAsync(conversation, conversation.Message.CommandArgs, ct);
        else
            conversation.Reply("?");
    }
}
