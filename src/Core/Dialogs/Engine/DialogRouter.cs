using YouthMonth.Core.Dialogs.Registration;
using YouthMonth.Core.Dialogs.Reports;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Core.Dialogs.Engine;

/// <summary>
/// The one <see cref="IMessageHandler"/>: registered command handlers first (e.g. /summary), then the global
/// commands, then registration for unknown chats, then the dialog the chat is in.
/// </summary>
public sealed class DialogRouter(
    IEnumerable<ICommandHandler> commandHandlers,
    IEnumerable<IDialog> dialogs,
    ChatRegistration registration,
    ReportStarter reports,
    StatusView status) : IMessageHandler
{
    /// <summary>After this long without a message, a half-done dialog asks whether to go on before reading input.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromHours(6);

    public async Task HandleAsync(Conversation conversation, CancellationToken ct)
    {
        var message = conversation.Message;
        if (message.Command is { } command)
        {
            var handler = commandHandlers.FirstOrDefault(h => h.Commands.Contains(command, StringComparer.OrdinalIgnoreCase));
            if (handler is not null)
            {
                await handler.HandleAsync(conversation, message.CommandArgs, ct);
                return;
            }
        }

        var ctx = await DialogContext.LoadAsync(conversation, ct);
        var lastActive = ctx.State.UpdatedAt;
        await RouteAsync(ctx, lastActive, ct);
        ctx.Save();
    }

    private async Task RouteAsync(DialogContext ctx, DateTimeOffset lastActive, CancellationToken ct)
    {
        var message = ctx.Message;
        if (message.Command is { } command)
        {
            if (!DialogCommands.TryResolve(command, out var global))
            {
                // In a group a command without @bot may be meant for another bot: only private chats hear about it.
                if (ctx.Message.ChatType == ChatType.Private) ctx.Say(RouterTexts.UnknownCommand(command));
                return;
            }
            await RunCommandAsync(ctx, global, message.CommandArgs, ct);
            return;
        }

        if (!ctx.IsRegistered)
        {
            // In a group nobody has registered, ordinary talk is not for the bot.
            if (message.ChatType == ChatType.Private) await registration.HandleUnregisteredAsync(ctx, ct);
            return;
        }
        if (ctx.Contact is null) return; // a leader group: only commands are for the bot

        if (ctx.Dialog is null || ctx.Prompt is null || Find(ctx.Dialog) is not { } dialog)
        {
            ctx.End();
            ctx.Say(RouterTexts.Idle);
            return;
        }

        if (ctx.AwaitingResume)
        {
            await AnswerResumeAsync(ctx, dialog, ct);
            return;
        }
        var silent = ctx.Now - lastActive >= Silence;
        if (silent && message.Photos.Count == 0)
        {
            AskToResume(ctx, dialog);
            return;
        }
        if (message.Unsupported)
        {
            ctx.AskAgain(RouterTexts.Unsupported);
            return;
        }
        if (message.Photos.Count > 0 && ctx.Prompt.Kind != PromptKind.Photos && dialog is IKeepsEarlyPhotos keeper
            && message.Photos.Where(p => p.StoredPhotoId is not null).Select(p => p.StoredPhotoId!.Value).ToList() is { Count: > 0 } early
            && keeper.KeepEarlyPhotos(ctx, early))
        {
            if (!await ctx.MoreOfAlbumPendingAsync(ct)) ctx.AskAgain(RouterTexts.PhotosKept);
            return;
        }
        if (!PromptReader.TryRead(ctx.Prompt, message, ctx.Today, out var answer, out var error))
        {
            ctx.AskAgain(error);
            return;
        }
        try
        {
            await dialog.OnAnswerAsync(ctx, ctx.Step!, answer, ct);
        }
        catch (InvalidOperationException) when (!ct.IsCancellationRequested)
        {
            // The plan changed under the draft (a period, activity or metric deleted by the office). Failing would
            // fail every later message of this chat too; start over instead.
            ctx.End();
            ctx.Say(RouterTexts.PlanChanged);
        }
    }

    private async Task RunCommandAsync(DialogContext ctx, GlobalCommand command, string? args, CancellationToken ct)
    {
        if (command == GlobalCommand.Start)
        {
            await registration.StartAsync(ctx, args, ct);
            return;
        }
        if (!ctx.IsRegistered)
        {
            if (ctx.Message.ChatType == ChatType.Private) await registration.HandleUnregisteredAsync(ctx, ct);
            return;
        }
        if (ctx.Contact is null)
        {
            ctx.Say(command == GlobalCommand.Help ? RouterTexts.LeaderHelp : RouterTexts.LeaderCannotReport);
            return;
        }
        var dialog = ctx.Dialog is null ? null : Find(ctx.Dialog);
        switch (command)
        {
            case GlobalCommand.Help:
                if (dialog is null || ctx.Prompt is null) { ctx.Say(RouterTexts.Help); return; }
                ctx.Say(RouterTexts.Help);
                ctx.AskAgain(RouterTexts.HelpInDialog);
                return;
            case GlobalCommand.Cancel:
                ctx.Say(dialog is null ? RouterTexts.NothingToCancel : RouterTexts.Cancelled);
                ctx.End();
                return;
            case GlobalCommand.Status:
                await status.ShowAsync(ctx, ct);
                if (dialog is not null && ctx.Prompt is not null) ctx.AskAgain(RouterTexts.HelpInDialog);
                return;
            case GlobalCommand.Report:
            case GlobalCommand.Edit:
                if (dialog is not null && ctx.Prompt is not null)
                {
                    AskToResume(ctx, dialog);
                    return;
                }
                ctx.End();
                if (command == GlobalCommand.Report) await reports.StartAsync(ctx, ct);
                else await reports.StartEditAsync(ctx, ct);
                return;
        }
    }

    private static void AskToResume(DialogContext ctx, IDialog dialog) =>
        ctx.AskToResume(Prompts.YesNo(RouterTexts.Resume(dialog.DescribeProgress(ctx)), RouterTexts.ContinueLabel, RouterTexts.RestartLabel));

    private async Task AnswerResumeAsync(DialogContext ctx, IDialog dialog, CancellationToken ct)
    {
        var question = Prompts.YesNo(RouterTexts.Resume(dialog.DescribeProgress(ctx)), RouterTexts.ContinueLabel, RouterTexts.RestartLabel);
        if (!PromptReader.TryRead(question, ctx.Message, ctx.Today, out var answer, out var error))
        {
            ctx.AskToResume(question with { Text = error + "\n\n" + question.Text });
            return;
        }
        if (answer.Yes)
        {
            ctx.AskAgain();
            return;
        }
        ctx.End();
        await reports.StartAsync(ctx, ct);
    }

    private IDialog? Find(string name) => dialogs.FirstOrDefault(d => d.Name == name);
}
