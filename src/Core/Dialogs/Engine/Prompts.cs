using YouthMonth.Core.Messaging;

namespace YouthMonth.Core.Dialogs.Engine;

/// <summary>Builds the prompts the dialogs ask, with the buttons each kind always offers.</summary>
public static class Prompts
{
    public static Prompt Text(string text, string example, bool skippable = false) =>
        WithSkip(new Prompt { Kind = PromptKind.Text, Text = text, Example = example, Skippable = skippable });

    public static Prompt Number(string text, string unit, bool skippable = false) =>
        WithSkip(new Prompt { Kind = PromptKind.Number, Text = text, Unit = unit, Example = "150", Skippable = skippable });

    public static Prompt Money(string text, bool skippable = false) =>
        WithSkip(new Prompt { Kind = PromptKind.Money, Text = text, Unit = "đồng", Example = "1.500.000 hoặc 1tr5", Skippable = skippable });

    /// <summary>Free text holding one or more numbers, read by the dialog (see <see cref="PromptKind.Numbers"/>).</summary>
    public static Prompt Numbers(string text, string? unit, string example, bool skippable = false) =>
        WithSkip(new Prompt { Kind = PromptKind.Numbers, Text = text, Unit = unit, Example = example, Skippable = skippable, MaxLength = 1000 });

    /// <param name="example">"06/3": a day the person could mean (see <see cref="DateExample"/>).</param>
    public static Prompt Date(string text, string example) => new()
    {
        Kind = PromptKind.Date, Text = text, Example = example,
        Choices = [[new Choice(ChoiceKeys.Today, EngineTexts.Today), new Choice(ChoiceKeys.Yesterday, EngineTexts.Yesterday)]],
    };

    /// <summary>
    /// The example of a date question: the last day of the period's window that is not after today (the first
    /// day while the window has not started), so it never shows a March date in another month nor a future day.
    /// </summary>
    public static string DateExample(DateOnly windowStart, DateOnly windowEnd, DateOnly today) =>
        YouthMonth.Core.Text.VietnameseDates.Short(today < windowStart ? windowStart : today < windowEnd ? today : windowEnd);

    public static Prompt Choice(string text, IEnumerable<Choice> oneChoicePerRow, bool allowText = false) => new()
    {
        Kind = PromptKind.Choice, Text = text, AllowText = allowText,
        Choices = oneChoicePerRow.Select(c => new List<Choice> { c }).ToList(),
    };

    public static Prompt YesNo(string text, string yes = EngineTexts.Yes, string no = EngineTexts.No) => new()
    {
        Kind = PromptKind.YesNo, Text = text, Choices = [[new Choice(ChoiceKeys.Yes, yes), new Choice(ChoiceKeys.No, no)]],
    };

    public static Prompt Photos(string text) => new()
    {
        Kind = PromptKind.Photos, Text = text, Choices = [[new Choice(ChoiceKeys.Done, EngineTexts.Done)]],
    };

    public static Prompt Link(string text, bool skippable) =>
        WithSkip(new Prompt { Kind = PromptKind.Link, Text = text, Example = "https://facebook.com/doan.phuong/posts/123", Skippable = skippable });

    private static Prompt WithSkip(Prompt p) =>
        p.Skippable ? p with { Choices = [.. p.Choices, [new Choice(ChoiceKeys.Skip, EngineTexts.Skip)]] } : p;
}
