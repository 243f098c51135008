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
                if (prompt.AllowText && !string.IsNullOrEmpty(text) && message.CallbackData is null)
                    return ReadText(prompt, text, out answer, out error);
                error = message.CallbackData is not null && text is null ? EngineTexts.StaleButton
                    : prompt.Kind == PromptKind.YesNo ? EngineTexts.NotYesNo : EngineTexts.NotAChoice;
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
                error = message.CallbackData is not null && text is null ? EngineTexts.StaleButton : EngineTexts.PhotoExpected;
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
        return ChoiceAnswers.Match(text, choices);
    }
}
