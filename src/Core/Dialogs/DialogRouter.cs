using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Dialogs.Registration;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Core.Dialogs;

/// <summary>
/// The one <see cref="IMessageHandler"/>: registered command handlers first (e.g. /summary), then the commands
/// the dialogs declare, then registration for unknown chats, then the dialog the chat is in.
/// </summary>
public sealed class DialogRouter(
    IEnumerable<ICommandHandler> commandHandlers,
    IEnumerable<IDialog> dialogs,
    DialogCommands commands,
    ChatRegistration registration) : IMessageHandler
{
    /// <summary>After this long without a message, a half-done dialog asks whether to go on before reading input.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromHours(6);

    /// <summary>Where "Làm lại từ đầu" on the resume question starts again.</summary>
    public const string RestartCommand = "baocao";

    public async Task HandleAsync(Conversation conversation, CancellationToken ct)
    {
        var message = conversation.Message;
        if (message.Command is { } command)
        {
            var handler = commandHandlers.FirstOrDefault(h => h.Commands.Contains(command, StringComparer.OrdinalIgnoreCase));
            if (handler is not null)
            {
                await handler.HandleAsync(conversation, message.CommandArgs, ct);
                // A secretary's /tonghop in the middle of a report: after the refusal, the question still waiting.
                if (conversation.Chat.ContactId is not null && await DialogContext.LoadAsync(conversation, ct) is var after
                    && Pending(after) is { } open)
                {
                    RepeatPending(after, open);
                    after.Save();
                }
                return;
            }
        }

        var ctx = await DialogContext.LoadAsync(conversation, ct);
        var lastActive = ctx.State.UpdatedAt;
        try
        {
            await RouteAsync(ctx, lastActive, ct);
        }
        catch (PlanChangedException) when (!ct.IsCancellationRequested)
        {
            // The office deleted what the draft points at. Failing would fail every later message of this chat
            // too; start over instead. Any other exception is a bug: the processor logs it and retries.
            ctx.End();
            ctx.Say(RouterTexts.PlanChanged);
        }
        ctx.Save();
    }

    private async Task RouteAsync(DialogContext ctx, DateTimeOffset lastActive, CancellationToken ct)
    {
        var message = ctx.Message;
        if (message.Command is { } name)
        {
            if (commands.Find(name) is not { } command)
            {
                // In a group a command without @bot may be meant for another bot: only private chats hear about it.
                if (ctx.Message.ChatType != ChatType.Private) return;
                if (Pending(ctx) is { } open)
                {
                    ctx.Note(RouterTexts.UnknownCommand(name));
                    RepeatPending(ctx, open);
                }
                else ctx.Say(RouterTexts.UnknownCommand(name));
                return;
            }
            await RunCommandAsync(ctx, command, message.CommandArgs, ct);
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
            // "báo cáo", "bao cao tuan 1", "trạng thái" typed without the slash: what a new secretary types first.
            if (TypedCommand(message.Text) is { } typed)
            {
                await RunCommandAsync(ctx, typed.Command, typed.Args, ct);
                return;
            }
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
        if (message.Photos.Count > 0 && ctx.Prompt.Kind != PromptKind.Photos && !ctx.Prompt.TakesPhotos && dialog is IKeepsEarlyPhotos keeper
            && keeper.KeepEarlyPhotos(ctx, message.Photos))
        {
            if (!await ctx.MoreOfAlbumPendingAsync(ct)) ctx.AskAgain(keeper.EarlyPhotosReply(ctx));
            return;
        }
        if (!PromptReader.TryRead(ctx.Prompt, message, ctx.Today, out var answer, out var error))
        {
            ctx.AskAgain(error);
            return;
        }
        await dialog.OnAnswerAsync(ctx, ctx.Step!, answer, ct);
    }

    private async Task RunCommandAsync(DialogContext ctx, DialogCommand command, string? args, CancellationToken ct)
    {
        if (command.OpenToUnregistered)
        {
            // /start in the middle of a report: its answer, then the question still waiting, unless it bound the
            // chat to someone else (the registration then says the draft was dropped).
            var open = Pending(ctx);
            await command.Run(ctx, new CommandCall(args, InDialog: open is not null), ct);
            if (open is not null && ctx.Dialog == open.Name && ctx.Prompt is not null) RepeatPending(ctx, open);
            return;
        }
        if (!ctx.IsRegistered)
        {
            if (ctx.Message.ChatType == ChatType.Private) await registration.HandleUnregisteredAsync(ctx, ct);
            return;
        }
        if (ctx.Contact is null)
        {
            ctx.Say(command.LeaderReply ?? RouterTexts.LeaderCannotReport);
            return;
        }
        var dialog = ctx.Dialog is null ? null : Find(ctx.Dialog);
        var asking = dialog is not null && ctx.Prompt is not null;
        switch (command.Mode)
        {
            case CommandMode.StartsDialog when asking && command.Name == RestartCommand && !string.IsNullOrWhiteSpace(args):
                // "/baocao tuần 1" in the middle of week 2: the second button starts the period named, not the default.
                ctx.AskToResume(ResumeQuestion(ctx, dialog!, args.Trim()), args.Trim());
                return;
            case CommandMode.StartsDialog when asking:
                AskToResume(ctx, dialog!);
                return;
            case CommandMode.StartsDialog:
                ctx.End();
                await command.Run(ctx, new CommandCall(args, InDialog: false), ct);
                return;
            case CommandMode.ThenAskAgain:
                await command.Run(ctx, new CommandCall(args, asking), ct);
                if (asking) RepeatPending(ctx, dialog!);
                return;
            default:
                await command.Run(ctx, new CommandCall(args, dialog is not null), ct);
                return;
        }
    }

    private (DialogCommand Command, string? Args)? TypedCommand(string? text)
    {
        var words = Text.VietnameseText.Clean(text)?.TrimStart('/').Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (words.Length is 0 or > 6) return null;
        for (var n = Math.Min(2, words.Length); n >= 1; n--)
        {
            var name = Text.VietnameseText.Fold(string.Concat(words.Take(n))).TrimEnd('.', '!', '?');
            if (commands.Find(name) is { } command && !command.OpenToUnregistered)
                return (command, words.Length > n ? string.Join(' ', words.Skip(n)) : null);
        }
        return null;
    }

    private static Prompt ResumeQuestion(DialogContext ctx, IDialog dialog, string? restartArgs = null) =>
        Prompts.YesNo(RouterTexts.Resume(dialog.DescribeProgress(ctx)), RouterTexts.ContinueLabel,
            restartArgs is null ? RouterTexts.RestartLabel : RouterTexts.SwitchLabel(restartArgs));

    private static void AskToResume(DialogContext ctx, IDialog dialog) => ctx.AskToResume(ResumeQuestion(ctx, dialog));

    private async Task AnswerResumeAsync(DialogContext ctx, IDialog dialog, CancellationToken ct)
    {
        var restartArgs = ctx.ResumeArgs;
        var question = ResumeQuestion(ctx, dialog, restartArgs);
        if (!PromptReader.TryRead(question, ctx.Message, ctx.Today, out var answer, out var error))
        {
            ctx.AskToResume(question with { Text = error + "\n\n" + question.Text }, restartArgs);
            return;
        }
        if (answer.Yes)
        {
            ctx.AskAgain();
            return;
        }
        ctx.End();
        await commands.Find(RestartCommand)!.Run(ctx, new CommandCall(restartArgs, InDialog: false), ct);
    }

    private IDialog? Find(string name) => dialogs.FirstOrDefault(d => d.Name == name);

    /// <summary>The dialog whose question this registered contact's chat is waiting to have answered, or null.</summary>
    private IDialog? Pending(DialogContext ctx) =>
        ctx.Contact is not null && ctx.Dialog is { } name && ctx.Prompt is not null ? Find(name) : null;

    /// <summary>
    /// After a command answered in the middle of a dialog: "you are in the middle of a report" and the question that
    /// is waiting, with its buttons (the resume question when that is the one waiting), so nobody is left guessing.
    /// </summary>
    private static void RepeatPending(DialogContext ctx, IDialog dialog)
    {
        if (!ctx.AwaitingResume)
        {
            ctx.AskAgain(RouterTexts.HelpInDialog);
            return;
        }
        ctx.Note(RouterTexts.HelpInDialog);
        ctx.AskToResume(ResumeQuestion(ctx, dialog, ctx.ResumeArgs), ctx.ResumeArgs);
    }
}

/// <summary>The commands the engine itself answers at any step: /trogiup and /huy.</summary>
public sealed class EngineCommands : IDeclaresCommands
{
    public IEnumerable<DialogCommand> Commands { get; } =
    [
        new("huy", (ctx, call, _) =>
        {
            ctx.Say(call.InDialog ? RouterTexts.Cancelled : RouterTexts.NothingToCancel);
            ctx.End();
            return Task.CompletedTask;
        })
        { Aliases = ["cancel"], Menu = RouterTexts.MenuCancel, MenuOrder = 40 },
        new("trogiup", (ctx, _, _) =>
        {
            ctx.Say(RouterTexts.Help);
            return Task.CompletedTask;
        })
        { Aliases = ["help"], Menu = RouterTexts.MenuHelp, MenuOrder = 50, Mode = CommandMode.ThenAskAgain, LeaderReply = RouterTexts.LeaderHelp },
    ];
}
