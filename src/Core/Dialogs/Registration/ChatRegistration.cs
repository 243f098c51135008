using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Dialogs.Registration;

/// <summary>
/// Binds a chat to a contact (private chat) or a leader chat (group) with a single-use invite code, given as the
/// Telegram deep-link payload (/start CODE) or typed (Zalo); or, on Telegram, by the person's own shared phone.
/// Until then the bot explains itself and shows nothing about any unit.
/// </summary>
public sealed partial class ChatRegistration : IDeclaresCommands
{
    public IEnumerable<DialogCommand> Commands =>
    [
        new("start", (ctx, call, ct) => StartAsync(ctx, call.Args, ct, call.InDialog))
        { Menu = RegistrationTexts.MenuStart, MenuOrder = 60, OpenToUnregistered = true },
    ];

    [GeneratedRegex("^[A-Za-z0-9_-]{6,64}$")]
    private static partial Regex CodePattern();

    /// <param name="inDialog">In the middle of a report: the greeting goes with the question still waiting (the router asks it).</param>
    public async Task StartAsync(DialogContext ctx, string? args, CancellationToken ct, bool inDialog = false)
    {
        var code = args?.Trim();
        if (!string.IsNullOrEmpty(code))
        {
            await RedeemAsync(ctx, code, ct);
            return;
        }
        if (ctx.Contact is { } contact && inDialog) ctx.Note(RegistrationTexts.WelcomeBackInDialog(contact.Name, contact.Unit?.Name ?? ""));
        else if (ctx.Contact is { } c) ctx.Say(RegistrationTexts.WelcomeBack(c.Name, c.Unit?.Name ?? ""));
        else if (ctx.Chat.LeaderChat is { } leaders) ctx.Say(RegistrationTexts.LeaderWelcome(leaders.Name));
        else if (ctx.Message.ChatType == ChatType.Private) Explain(ctx);
        else ctx.Say(RegistrationTexts.GroupHowTo);
    }

    public async Task HandleUnregisteredAsync(DialogContext ctx, CancellationToken ct)
    {
        var message = ctx.Message;
        if (message.Contact is { } shared)
        {
            await MatchPhoneAsync(ctx, shared, ct);
            return;
        }
        var text = message.Text?.Trim();
        if (LooksLikeCode(text))
        {
            await RedeemAsync(ctx, text!, ct); // says what was wrong, if anything
            return;
        }
        Explain(ctx);
    }

    /// <summary>
    /// A typed word is taken as an invite code only when it looks like one (generated codes mix cases or have a
    /// digit), so "xinchao" or "Xinchao" get the explanation rather than "wrong code".
    /// </summary>
    public static bool LooksLikeCode(string? text) =>
        text is not null && CodePattern().IsMatch(text)
        && (text.Any(char.IsAsciiDigit) || text.Skip(1).Any(char.IsAsciiLetterUpper));

    private static void Explain(DialogContext ctx)
    {
        var telegramPrivate = ctx.Chat.Channel == Channel.Telegram && ctx.Message.ChatType == ChatType.Private;
        ctx.Say(new OutgoingMessage
        {
            Text = telegramPrivate ? RegistrationTexts.NotRegistered + "\n\n" + RegistrationTexts.ShareHint : RegistrationTexts.NotRegistered,
            RequestContact = telegramPrivate,
        });
    }

    /// <summary>Wrong codes a chat may send within <see cref="CodeWindow"/> before codes are no longer looked up.</summary>
    public const int MaxWrongCodes = 5;
    public static readonly TimeSpan CodeWindow = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Redeems the code unless the chat has used up its wrong codes: then the first code over the limit gets one
    /// cool-down reply and later ones none until the window ends (one chat once sent 4,003 wrong codes in 10 s).
    /// A bound chat starts with a clean slate.
    /// </summary>
    private static async Task<bool> RedeemAsync(DialogContext ctx, string code, CancellationToken ct)
    {
        var chat = ctx.Chat;
        if (chat.CodeFailuresSince is { } since && ctx.Now - since >= CodeWindow)
        {
            chat.CodeFailures = 0;
            chat.CodeFailuresSince = null;
        }
        if (chat.CodeFailures >= MaxWrongCodes)
        {
            chat.CodeFailures++;
            if (chat.CodeFailures == MaxWrongCodes + 1)
            {
                var wait = chat.CodeFailuresSince!.Value + CodeWindow - ctx.Now;
                ctx.Say(RegistrationTexts.TooManyWrongCodes((int)Math.Ceiling(Math.Max(1, wait.TotalMinutes))));
            }
            return false;
        }
        var bound = await CheckCodeAsync(ctx, code, ct);
        if (bound)
        {
            chat.CodeFailures = 0;
            chat.CodeFailuresSince = null;
        }
        else
        {
            chat.CodeFailures++;
            chat.CodeFailuresSince ??= ctx.Now;
        }
        return bound;
    }

    /// <summary>True when the code bound the chat; otherwise the reply says why not.</summary>
    private static async Task<bool> CheckCodeAsync(DialogContext ctx, string code, CancellationToken ct)
    {
        var invite = await ctx.Db.InviteCodes.Include(i => i.Contact).ThenInclude(c => c!.Unit).Include(i => i.LeaderChat)
            .FirstOrDefaultAsync(i => i.Code == code, ct);
        var group = ctx.Message.ChatType == ChatType.Group;
        if (invite is null || (invite.Contact is { Active: false }) || (invite.LeaderChat is { Active: false }))
        {
            ctx.Say(RegistrationTexts.InvalidCode);
            return false;
        }
        if (invite.UsedAt is not null)
        {
            var sameChat = (invite.ContactId is not null && invite.ContactId == ctx.Chat.ContactId)
                || (invite.LeaderChatId is not null && invite.LeaderChatId == ctx.Chat.LeaderChatId);
            if (sameChat) await ctx.Db.Entry(ctx.Chat).Reference(c => c.Contact).LoadAsync(ct);
            if (sameChat && invite.Contact is { } c) ctx.Say(RegistrationTexts.WelcomeBack(c.Name, c.Unit?.Name ?? ""));
            else if (sameChat && invite.LeaderChat is { } l) ctx.Say(RegistrationTexts.LeaderWelcome(l.Name));
            else ctx.Say(RegistrationTexts.UsedCode);
            return sameChat;
        }
        if (invite.ExpiresAt <= ctx.Now)
        {
            ctx.Say(RegistrationTexts.ExpiredCode);
            return false;
        }
        if (invite.LeaderChat is { } leaderChat)
        {
            if (!group) { ctx.Say(RegistrationTexts.LeaderCodeInPrivate); return false; }
            ctx.Chat.LeaderChat = leaderChat;
            ctx.Chat.LeaderChatId = leaderChat.Id;
            ctx.Chat.ContactId = null;
            ctx.Chat.Contact = null;
            invite.UsedAt = ctx.Now;
            ctx.End();
            ctx.Say(RegistrationTexts.LeaderWelcome(leaderChat.Name));
            await TellOthersAsync(ctx, ActorCode, ct);
            return true;
        }
        if (invite.Contact is not { } contact) { ctx.Say(RegistrationTexts.InvalidCode); return false; }
        if (group) { ctx.Say(RegistrationTexts.ContactCodeInGroup); return false; }
        await BindAsync(ctx, contact, ActorCode, ct);
        invite.UsedAt = ctx.Now;
        return true;
    }

    private static async Task MatchPhoneAsync(DialogContext ctx, SharedContact shared, CancellationToken ct)
    {
        // Only Telegram's "share my number" button proves the number is the sender's: its card carries the sender's
        // own user_id. Any other card (someone else's, or one with no user_id) could carry a contact's number.
        if (shared.UserId is null || ctx.Message.UserId is null || shared.UserId != ctx.Message.UserId)
        {
            ctx.Say(RegistrationTexts.NotOwnPhone);
            return;
        }
        var phone = NormalisePhone(shared.PhoneNumber);
        var candidates = await ctx.Db.Contacts.Where(c => c.Active && c.Phone != null).Select(c => new { c.Id, c.Phone }).ToListAsync(ct);
        var matches = phone.Length < 9 ? [] : candidates.Where(c => NormalisePhone(c.Phone) == phone).Select(c => c.Id).ToList();
        if (matches.Count == 0) { ctx.Say(RegistrationTexts.PhoneNotFound); return; }
        if (matches.Count > 1) { ctx.Say(RegistrationTexts.PhoneAmbiguous); return; }
        var contact = await ctx.Db.Contacts.Include(c => c.Unit).SingleAsync(c => c.Id == matches[0], ct);
        ctx.Chat.SharedPhone = shared.PhoneNumber;
        await BindAsync(ctx, contact, ActorPhone, ct);
    }

    private const string ActorCode = "bot: mã mời", ActorPhone = "bot: số điện thoại";

    private static async Task BindAsync(DialogContext ctx, Contact contact, string actor, CancellationToken ct)
    {
        // A draft belongs to the contact it was started for: a chat bound to someone else drops it, and says so.
        var sameContact = ctx.Chat.ContactId == contact.Id;
        if (!sameContact && ctx.Dialog is not null) ctx.Note(RegistrationTexts.DraftDropped);
        ctx.Chat.Contact = contact;
        ctx.Chat.ContactId = contact.Id;
        ctx.Chat.LeaderChatId = null;
        ctx.Chat.LeaderChat = null;
        if (!sameContact) ctx.End();
        ctx.Say(RegistrationTexts.Welcome(contact.Name, contact.Unit?.Name ?? ""));
        await TellOthersAsync(ctx, actor, ct);
    }

    /// <summary>
    /// Writes the audit row and warns every other chat already bound to the same contact or leader group: a stranger
    /// with a leaked code then cannot take over a secretary's reports unnoticed (issue 10, point 2).
    /// </summary>
    private static async Task TellOthersAsync(DialogContext ctx, string actor, CancellationToken ct)
    {
        var chat = ctx.Chat;
        ctx.Db.ChatBindingAudit.Add(ChatUnbinding.Entry(chat, ChatBindingAction.Bound, actor, null, ctx.Now));
        var others = await ctx.Db.ChatAccounts.AsNoTracking()
            .Where(a => a.Id != chat.Id && a.UnreachableSince == null
                && (chat.ContactId != null ? a.ContactId == chat.ContactId : a.LeaderChatId == chat.LeaderChatId))
            .Select(a => new { a.Channel, a.ChatId }).ToListAsync(ct);
        var subject = ChatUnbinding.Subject(chat);
        var warning = new OutgoingMessage
        {
            Text = chat.ContactId is not null
                ? ChatUnbinding.Texts.AnotherChatBound(subject, chat.Channel, chat.DisplayName)
                : ChatUnbinding.Texts.AnotherGroupBound(subject, chat.Channel, chat.DisplayName),
        };
        foreach (var other in others) Outbox.Add(ctx.Db, other.Channel, other.ChatId, warning, ctx.Now);
    }

    /// <summary>Digits only, with the country code 84 written as a leading 0: "+84 912.345.678" → "0912345678".</summary>
    public static string NormalisePhone(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.StartsWith("84", StringComparison.Ordinal) && digits.Length >= 11 ? "0" + digits[2..] : digits;
    }
}
