using YouthMonth.Core.Messaging;

namespace YouthMonth.Core.Dialogs.Engine;

/// <summary>
/// How an answer is read. <see cref="Numbers"/> is free text the dialog reads itself (several numbers named in one
/// message); it is shown like a number question.
/// </summary>
public enum PromptKind { Text, Number, Money, Date, Choice, YesNo, Photos, Link, Numbers }

/// <summary>
/// The question a chat is waiting to have answered. Saved with the dialog state, so the answer is read the same
/// way after a restart, and a wrong answer is re-asked with the same text and choices.
/// </summary>
public sealed record Prompt
{
    public required PromptKind Kind { get; init; }
    public required string Text { get; init; }
    public List<List<Choice>> Choices { get; init; } = [];
    /// <summary>A choice prompt that also takes free text (e.g. a title typed instead of picked).</summary>
    public bool AllowText { get; init; }
    /// <summary>
    /// A choice question whose choices are read as usual (by meaning: "có", "không"), and whose other typed text goes
    /// to the dialog instead of being refused (an activity's title typed at "có hoạt động không?").
    /// </summary>
    public bool OrText { get; init; }
    /// <summary>Adds a "Bỏ qua" choice; the answer is then <see cref="Answer.Skipped"/>.</summary>
    public bool Skippable { get; init; }
    /// <summary>The counting unit echoed after a number ("lượt", "đồng").</summary>
    public string? Unit { get; init; }
    /// <summary>An example answer shown when the input was not understood.</summary>
    public string? Example { get; init; }
    /// <summary>
    /// Said instead of the kind's general reply when a photo question gets words (e.g. "không có ảnh" where the
    /// period requires a photo: the person hears why, not just "send photos").
    /// </summary>
    public string? Hint { get; init; }
    /// <summary>A choice question that also takes photos (and "xong"): more photos for what was just reported.</summary>
    public bool TakesPhotos { get; init; }
    /// <summary>Longest text accepted (the column it ends up in).</summary>
    public int MaxLength { get; init; } = 2000;

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<Choice> AllChoices => Choices.SelectMany(r => r).ToList();

    /// <summary>
    /// The message asking this prompt. Without buttons (Zalo, local chat) choices become a numbered list, which
    /// would make "1" ambiguous on a number question; there the skip choices are named in the text instead.
    /// </summary>
    public OutgoingMessage ToMessage(string? before, bool buttons)
    {
        var text = string.IsNullOrWhiteSpace(before) ? Text : before.TrimEnd() + "\n\n" + Text;
        if (!buttons) text = EngineTexts.ForTyping(text);
        var numeric = Kind is PromptKind.Number or PromptKind.Money or PromptKind.Numbers;
        if (!buttons && numeric && Choices.Count > 0)
            return new OutgoingMessage { Text = text + "\n" + EngineTexts.TypeToSkip(AllChoices.Select(c => c.Label)) };
        return new OutgoingMessage { Text = text, Choices = Choices.Select(r => (IReadOnlyList<Choice>)r).ToList() };
    }
}

/// <summary>A prompt's answer after validation: exactly one of the fields is meaningful for each kind.</summary>
public sealed record Answer
{
    public string? Text { get; init; }
    public string? ChoiceKey { get; init; }
    public decimal? Number { get; init; }
    /// <summary>The number came after "khoảng", "hơn", "gần" …: an estimate.</summary>
    public bool Approximate { get; init; }
    public DateOnly? Date { get; init; }
    public IReadOnlyList<string> Links { get; init; } = [];
    public IReadOnlyList<int> PhotoIds { get; init; } = [];
    /// <summary>"Xong" on a photo prompt.</summary>
    public bool Done { get; init; }
    public bool Skipped { get; init; }
    public bool Yes => ChoiceKey == ChoiceKeys.Yes;
}

/// <summary>Choice keys the engine itself gives meaning to.</summary>
public static class ChoiceKeys
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string Skip = "skip";
    public const string Done = "done";
    public const string Today = "today";
    public const string Yesterday = "yesterday";
}
