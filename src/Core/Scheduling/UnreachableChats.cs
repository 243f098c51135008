using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Scheduling;

/// <summary>A chat the platform refused (blocked the bot, never pressed Start, bot removed): nothing is sent there any more.</summary>
public sealed record UnreachableChat(
    int ChatAccountId, Channel Channel, string ChatId, string? DisplayName,
    int? ContactId, string? ContactName, int? UnitId, string? UnitName,
    int? LeaderChatId, string? LeaderChatName,
    DateTimeOffset UnreachableSince, string? Reason);

public static class UnreachableChats
{
    /// <summary>The organisation's unreachable chats (its contacts' and its leader chats'), most recent first.</summary>
    public static async Task<List<UnreachableChat>> ListAsync(YouthMonthDb db, int organisationId, CancellationToken ct = default) =>
        await db.ChatAccounts.AsNoTracking()
            .Where(a => a.UnreachableSince != null
                        && ((a.Contact != null && a.Contact.Unit!.OrganisationId == organisationId)
                            || (a.LeaderChat != null && a.LeaderChat.OrganisationId == organisationId)))
            .OrderByDescending(a => a.UnreachableSince).ThenBy(a => a.Id)
            .Select(a => new UnreachableChat(a.Id, a.Channel, a.ChatId, a.DisplayName,
                a.ContactId, a.Contact != null ? a.Contact.Name : null,
                a.Contact != null ? a.Contact.UnitId : null, a.Contact != null ? a.Contact.Unit!.Name : null,
                a.LeaderChatId, a.LeaderChat != null ? a.LeaderChat.Name : null,
                a.UnreachableSince!.Value, a.UnreachableReason))
            .ToListAsync(ct);
}
