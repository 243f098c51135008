using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Messaging;

/// <summary>
/// Channels without buttons (Zalo, the local chat) show choices as a numbered list. These helpers render that
/// list and turn the reply ("2", "2.", or the label typed with or without diacritics) back into the choice key,
/// so a dialog sees the same <see cref="IncomingMessage.CallbackData"/> as for a Telegram button press.
/// </summary>
public static class ChoiceAnswers
{
    public const string ListIntro = "Trả lời bằng số:";

    public static IReadOnlyList<Choice> Flatten(IReadOnlyList<IReadOnlyList<Choice>> rows) => rows.SelectMany(r => r).ToList();

    /// <summary>The text followed by "Trả lời bằng số:" and one numbered line per choice.</summary>
    public static string RenderNumbered(string text, IReadOnlyList<IReadOnlyList<Choice>> rows)
    {
        var choices = Flatten(rows);
        if (choices.Count == 0) return text;
        var sb = new StringBuilder(text.TrimEnd()).Append("\n\n").Append(ListIntro);
        for (var i = 0; i < choices.Count; i++)
            sb.Append('\n').Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(choices[i].Label);
        return sb.ToString();
    }

    public static string? Serialize(IReadOnlyList<IReadOnlyList<Choice>> rows) =>
        rows.Count == 0 || rows.All(r => r.Count == 0) ? null : MessageJson.Serialize(rows);

    /// <summary>
    /// Remembers the choices of a message just shown as a numbered list (null when it had none), so the next
    /// "2" in this chat is read against that list. Called by the sender after each message it delivered.
    /// </summary>
    public static Task RememberAsync(YouthMonthDb db, Channel channel, string chatId, IReadOnlyList<IReadOnlyList<Choice>> shown, CancellationToken ct)
    {
        var json = Serialize(shown);
        return db.ChatAccounts.Where(a => a.Channel == channel && a.ChatId == chatId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.LastChoices, json), ct);
    }

    /// <summary>The key of the choice the text picks from <paramref name="choices"/>, or null.</summary>
    public static string? Match(string? text, IReadOnlyList<Choice> choices)
    {
        var cleaned = VietnameseText.Clean(text)?.TrimEnd('.', ')');
        if (string.IsNullOrEmpty(cleaned) || choices.Count == 0) return null;
        if (int.TryParse(cleaned, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return n >= 1 && n <= choices.Count ? choices[n - 1].Key : null;
        return choices.FirstOrDefault(c => VietnameseText.SameFolded(c.Label, cleaned))?.Key;
    }

    /// <summary>
    /// Sets <see cref="IncomingMessage.CallbackData"/> when the text answers the chat's last numbered list.
    /// Text stays as typed, so a dialog that expects free text still sees it.
    /// </summary>
    public static async Task<IncomingMessage> ResolveAsync(YouthMonthDb db, IncomingMessage message, CancellationToken ct)
    {
        if (message.CallbackData is not null || message.Command is not null || string.IsNullOrWhiteSpace(message.Text))
            return message;
        var json = await db.ChatAccounts.AsNoTracking()
            .Where(a => a.Channel == message.Channel && a.ChatId == message.ChatId)
            .Select(a => a.LastChoices).FirstOrDefaultAsync(ct);
        if (json is null) return message;
        var rows = MessageJson.Deserialize<List<List<Choice>>>(json);
        var key = Match(message.Text, Flatten(rows.Select(r => (IReadOnlyList<Choice>)r).ToList()));
        return key is null ? message : message with { CallbackData = key };
    }
}
