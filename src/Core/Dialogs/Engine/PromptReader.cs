using YouthMonth.Core.Messaging;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Dialogs.Engine;

/// <summary>
/// Reads a message as the answer to a prompt: a button, a numbered reply, a typed label (any case, with or
/// without diacritics), a number, a date, links or photos. Anything else gives a Vietnamese error with an example.
/// </summary>
public static class PromptReader
{
    public static bool TryRead(Prompt prompt, IncomingMessage message, DateOnly today, out Answer answer, out string error)
    {
        answer = new Answer();
        error = "";
        var text = VietnameseText.Clean(message.Text);
        var choice = MatchChoice(prompt, message, text);

        if (choice == ChoiceKeys.Skip && prompt.Skippable) { answer = new Answer { Skipped = true }; return true; }
        // Extra buttons on a typed question (e.g. "Bỏ qua các số còn lại") answer it by their key.
        if (choice is not null && prompt.Kind is PromptKind.Text or PromptKind.Number or PromptKind.Money or PromptKind.Link or PromptKind.Numbers)
        {
            answer = new Answer { ChoiceKey = choice };
            return true;
        }

        switch (prompt.Kind)
        {
            case PromptKind.Choice:
            case PromptKind.YesNo:
                if (prompt.TakesPhotos && message.Photos.Count > 0)
                {
                    answer = new Answer { PhotoIds = message.Photos.Where(p => p.StoredPhotoId is not null).Select(p => p.StoredPhotoId!.Value).ToList() };
                    return true;
                }
                if (prompt.TakesPhotos && choice is null && VietnameseText.Fold(text) == "xong") { answer = new Answer { Done = true }; return true; }
                if (choice is not null) { answer = new Answer { ChoiceKey = choice, Text = text }; return true; }
                // "9" when there are 8 choices is a slip; where text is taken it may be a corrected number (the dialog of
                // an OrText prompt tells a slip from a number itself).
                if (!prompt.AllowText && !prompt.OrText && message.CallbackData is null && int.TryParse(text?.TrimEnd('.', ')'), System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    error = EngineTexts.OutOfRange(prompt.AllChoices.Count);
                    return false;
                }
                if ((prompt.AllowText || prompt.OrText) && !string.IsNullOrEmpty(text) && message.CallbackData is null)
                    return ReadText(prompt, text, out answer, out error);
                error = message.CallbackData is not null && text is null ? EngineTexts.StaleButton
                    : message.Photos.Count > 0 ? EngineTexts.PhotoNotNow
                    : prompt.Kind == PromptKind.YesNo ? EngineTexts.NotYesNo(prompt.AllChoices[0].Label, prompt.AllChoices[^1].Label)
                    : EngineTexts.NotAChoice;
                return false;

            case PromptKind.Photos:
                if (message.Photos.Count > 0)
                {
                    answer = new Answer { PhotoIds = message.Photos.Where(p => p.StoredPhotoId is not null).Select(p => p.StoredPhotoId!.Value).ToList() };
                    return true;
                }
                if (choice == ChoiceKeys.Done || VietnameseText.Fold(text) == "xong") { answer = new Answer { Done = true }; return true; }
                // Another button of a photo question (e.g. "Gửi không kèm ảnh") answers it by its key.
                if (choice is not null) { answer = new Answer { ChoiceKey = choice, Text = text }; return true; }
                error = message.CallbackData is not null && text is null ? EngineTexts.StaleButton : prompt.Hint ?? EngineTexts.PhotoExpected;
                return false;
        }

        if (message.Photos.Count > 0) { error = EngineTexts.TextExpected; return false; }
        if (message.CallbackData is not null && message.Text is null && choice is null)
        {
            error = EngineTexts.StaleButton;
            return false;
        }

        switch (prompt.Kind)
        {
            case PromptKind.Text:
            case PromptKind.Numbers:
                return ReadText(prompt, text, out answer, out error);

            case PromptKind.Number:
            case PromptKind.Money:
                var kind = prompt.Kind == PromptKind.Money ? NumberKind.Money : NumberKind.Count;
                if (VietnameseNumbers.TryParse(text, kind, out var value, out var approximate, out error))
                {
                    answer = new Answer { Number = value, Approximate = approximate, Text = text };
                    return true;
                }
                error = EngineTexts.WithExample(error, prompt.Example);
                return false;

            case PromptKind.Date:
                DateOnly date;
                if (choice == ChoiceKeys.Today) date = today;
                else if (choice == ChoiceKeys.Yesterday) date = today.AddDays(-1);
                else if (!VietnameseDates.TryParse(text, today, out date, out error,
                    VietnameseDates.TryParse(prompt.Example, today, out var example, out _) ? example : null))
                {
                    error = EngineTexts.WithExample(error, prompt.Example);
                    return false;
                }
                if (date > today) { error = EngineTexts.FutureDate(prompt.Example ?? "08/3"); return false; }
                answer = new Answer { Date = date, Text = text };
                return true;

            case PromptKind.Link:
                if (Links.TryParse(text, out var links, out error)) { answer = new Answer { Links = links, Text = text }; return true; }
                // "không có", "bỏ qua" where the period requires a link: say so, rather than how a link starts.
                if (!prompt.Skippable && NoLinkWords.Contains(VietnameseText.Fold(text).TrimEnd('.', '!')))
                {
                    error = EngineTexts.LinkRequired;
                    return false;
                }
                error = EngineTexts.WithExample(error, prompt.Example);
                return false;
        }
        error = EngineTexts.NotAChoice;
        return false;
    }

    private static bool ReadText(Prompt prompt, string? text, out Answer answer, out string error)
    {
        answer = new Answer();
        error = "";
        if (string.IsNullOrWhiteSpace(text)) { error = EngineTexts.WithExample(EngineTexts.EmptyText, prompt.Example); return false; }
        if (text.Length > prompt.MaxLength) { error = EngineTexts.TooLong(prompt.MaxLength); return false; }
        // "bỏ qua" left over from a skippable question would otherwise be saved as the news or "Mặt được" (or read
        // as "quà" where numbers are asked).
        if (!prompt.Skippable && SkipWords.Contains(VietnameseText.Fold(text).TrimEnd('.', '!')))
        {
            error = EngineTexts.WithExample(EngineTexts.CannotSkip + (prompt.Kind == PromptKind.Numbers ? "" : EngineTexts.TypeSomeWords), prompt.Example);
            return false;
        }
        // An emoji or a sticker-like "👍" is no title, news or assessment.
        if (prompt.Kind != PromptKind.Numbers && !text.Any(char.IsLetterOrDigit))
        {
            error = EngineTexts.WithExample(EngineTexts.NoWords, prompt.Example);
            return false;
        }
        answer = new Answer { Text = text };
        return true;
    }

    /// <summary>The key of the choice the message picks from this prompt's choices, or null.</summary>
    private static string? MatchChoice(Prompt prompt, IncomingMessage message, string? text)
    {
        var choices = prompt.AllChoices;
        if (choices.Count == 0) return null;
        // A button from an older message is not an answer to this prompt.
        var numeric = prompt.Kind is PromptKind.Number or PromptKind.Money or PromptKind.Numbers;
        if (message.CallbackData is { } data && choices.Any(c => c.Key == data))
        {
            // On Zalo a typed "1" is resolved to the first choice; for a number question it is the number.
            if (!numeric || text is null || choices.Any(c => VietnameseText.SameFolded(c.Label, text))) return data;
        }
        if (numeric) return choices.FirstOrDefault(c => VietnameseText.SameFolded(c.Label, text))?.Key;
        if (ChoiceAnswers.Match(text, choices) is { } key) return key;
        if (prompt.Kind is not (PromptKind.Choice or PromptKind.YesNo)) return null;
        // Where a title may be typed, only the first words of one choice pick it ("hội thi" for the planned
        // "Hội thi tìm hiểu lịch sử Đoàn"); a yes or a no there is read by the dialog.
        return prompt.AllowText ? ByPrefix(Words(text), choices) : ByMeaning(text, choices);
    }

    private static readonly HashSet<string> SkipWords = new(StringComparer.Ordinal) { "bo qua", "bo qua het", "bo", "skip", "qua" };
    private static readonly HashSet<string> NoLinkWords = new(StringComparer.Ordinal)
        { "bo qua", "bo qua het", "skip", "khong", "ko", "khong co", "chua co", "chua co link", "khong co link", "chua", "chua dang" };
    private static readonly HashSet<string> YesWords = new(StringComparer.Ordinal)
        { "co", "co a", "ok", "oke", "okay", "dong y", "vang", "u", "uh", "dung", "dung roi", "yes", "tiep" };
    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal) { "khong", "ko", "k", "khong co", "khong a", "no" };

    /// <summary>
    /// What people type instead of the exact label: its first words ("có" for "Có, báo cáo hoạt động", "tuần 2" for
    /// "Tuần 2 (09/3–15/3), hạn …", "tình nguyện" for "Tình nguyện, an sinh xã hội"), or a plain yes or no where the
    /// buttons mean yes and no ("có" for "Tiếp tục", "không" for "Tuần này đơn vị không có hoạt động"). Only an
    /// answer that fits exactly one choice is taken.
    /// </summary>
    private static string? ByMeaning(string? text, IReadOnlyList<Choice> choices)
    {
        var typed = Words(text);
        if (typed.Length == 0) return null;
        var joined = string.Join(' ', typed);
        if (ByPrefix(typed, choices) is { } picked) return picked;
        // "tham gia" for "Lượt đoàn viên, thanh niên tham gia", "máu" for "Đơn vị máu"; but "có hoạt động" is not
        // "Tuần này đơn vị không có hoạt động": words inside a negative label only pick it when they deny too.
        if (joined.Length >= 3 && choices.Where(c => Words(c.Label) is var label
                && $" {string.Join(' ', label)} ".Contains($" {joined} ", StringComparison.Ordinal)
                && (!label.Contains("khong") || typed.Contains("khong"))).ToList() is [var within])
            return within.Key;
        if (YesWords.Contains(joined))
            return choices.FirstOrDefault(c => c.Key == ChoiceKeys.Yes)?.Key
                ?? (choices.Where(c => Words(c.Label) is ["co", ..]).ToList() is [var yes] ? yes.Key : null);
        if (NoWords.Contains(joined))
            return choices.FirstOrDefault(c => c.Key == ChoiceKeys.No)?.Key
                ?? (choices.Where(c => VietnameseText.Fold(c.Label).Contains("khong co", StringComparison.Ordinal)).ToList() is [var none] ? none.Key : null);
        return null;
    }

    private static string? ByPrefix(string[] typed, IReadOnlyList<Choice> choices)
    {
        if (string.Join(' ', typed).Length < 2) return null;
        var matching = choices.Where(c => Words(c.Label) is var label && label.Length >= typed.Length && label.Take(typed.Length).SequenceEqual(typed)).ToList();
        return matching.Count == 1 ? matching[0].Key : null;
    }

    private static string[] Words(string? text) =>
        VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', '!', '?', ':', ';', '(', ')', '"', '…')).Where(w => w.Length > 0).ToArray();
}
