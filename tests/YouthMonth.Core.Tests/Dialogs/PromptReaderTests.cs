using System.Globalization;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Dialogs.Registration;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>How an answer is read against a prompt: forgiving choices, numbers that are not list positions, stale buttons.</summary>
public sealed class PromptReaderTests
{
    private static readonly DateOnly Today = new(2024, 3, 5);

    private static readonly Prompt Pick = Prompts.Choice("?",
        [new Choice("act", "Có, báo cáo hoạt động"), new Choice("none", "Tuần này đơn vị không có hoạt động"), new Choice("other", "Chọn kỳ khác")]);

    private static IncomingMessage Text(string? text, string? callback = null) =>
        new() { Channel = Channel.Zalo, ChatId = "z", Text = text is null ? null : text.Normalize(System.Text.NormalizationForm.FormC), CallbackData = callback };

    [Theory]
    [InlineData("2", "none")]
    [InlineData("2.", "none")]
    [InlineData(" 3 ", "other")]
    [InlineData("tuan nay don vi khong co hoat dong", "none")]
    [InlineData("TUẦN NÀY ĐƠN VỊ KHÔNG CÓ HOẠT ĐỘNG", "none")]
    [InlineData("chon ky khac", "other")]
    public void Choices_match_by_number_or_label_in_any_case_with_or_without_diacritics(string typed, string key)
    {
        Assert.True(PromptReader.TryRead(Pick, Text(typed), Today, out var answer, out _));
        Assert.Equal(key, answer.ChoiceKey);
    }

    [Fact]
    public void Decomposed_NFD_text_matches_too() =>
        Assert.True(PromptReader.TryRead(Pick, new IncomingMessage { Channel = Channel.Zalo, ChatId = "z",
            Text = "Chọn kỳ khác".Normalize(System.Text.NormalizationForm.FormD) }, Today, out _, out _));

    [Theory]
    [InlineData("có lẽ", EngineTexts.NotAChoice)]
    public void Unknown_answers_are_refused_in_Vietnamese(string typed, string error)
    {
        Assert.False(PromptReader.TryRead(Pick, Text(typed), Today, out _, out var message));
        Assert.Equal(error, message);
    }

    [Fact]
    public void A_button_of_an_older_question_is_refused()
    {
        Assert.False(PromptReader.TryRead(Pick, Text(null, "a:12"), Today, out _, out var error));
        Assert.Equal(EngineTexts.StaleButton, error);
        Assert.True(PromptReader.TryRead(Pick, Text(null, "other"), Today, out var answer, out _));
        Assert.Equal("other", answer.ChoiceKey);
    }

    [Fact]
    public void On_a_number_question_a_typed_1_is_the_number_even_when_Zalo_resolved_it_to_the_first_choice()
    {
        var prompt = Prompts.Number("Phần quà?", "phần", skippable: true);
        Assert.True(PromptReader.TryRead(prompt, Text("1", ChoiceKeys.Skip), Today, out var answer, out _));
        Assert.Equal((1m, false), (answer.Number, answer.Skipped));
        Assert.True(PromptReader.TryRead(prompt, Text("bo qua"), Today, out answer, out _));
        Assert.True(answer.Skipped);
        Assert.True(PromptReader.TryRead(prompt, Text(null, ChoiceKeys.Skip), Today, out answer, out _));
        Assert.True(answer.Skipped);
    }

    [Fact]
    public void Dates_come_from_buttons_or_text_and_never_lie_in_the_future()
    {
        var prompt = Prompts.Date("Ngày?", "05/3");
        Assert.True(PromptReader.TryRead(prompt, Text(null, ChoiceKeys.Yesterday), Today, out var answer, out _));
        Assert.Equal(new DateOnly(2024, 3, 4), answer.Date);
        Assert.True(PromptReader.TryRead(prompt, Text("hom nay"), Today, out answer, out _));
        Assert.Equal(Today, answer.Date);
        Assert.False(PromptReader.TryRead(prompt, Text("06/3"), Today, out _, out var error));
        Assert.Equal(EngineTexts.FutureDate("05/3"), error);
        Assert.False(PromptReader.TryRead(prompt, Text("32/3"), Today, out _, out error));
        Assert.Contains("ví dụ: 05/3 hoặc 05/3/2024", error);
    }

    [Theory]
    // Window 02/3–08/3: today inside → today; after the window → its last day; before it → its first day.
    [InlineData("2024-03-02", "2024-03-08", "2024-03-05", "05/3")]
    [InlineData("2024-03-02", "2024-03-08", "2024-03-12", "08/3")]
    [InlineData("2024-03-02", "2024-03-08", "2024-03-01", "02/3")]
    // Another month and year: never the fixed March example.
    [InlineData("2026-11-30", "2026-12-06", "2026-12-07", "06/12")]
    public void The_date_example_is_a_day_of_the_period_being_reported(string start, string end, string today, string expected) =>
        Assert.Equal(expected, Prompts.DateExample(DateOnly.Parse(start, CultureInfo.InvariantCulture),
            DateOnly.Parse(end, CultureInfo.InvariantCulture), DateOnly.Parse(today, CultureInfo.InvariantCulture)));

    [Fact]
    public void Yes_no_accepts_the_words_without_diacritics()
    {
        var prompt = Prompts.YesNo("Thêm?");
        Assert.True(PromptReader.TryRead(prompt, Text("khong"), Today, out var answer, out _));
        Assert.Equal(ChoiceKeys.No, answer.ChoiceKey);
        Assert.False(PromptReader.TryRead(prompt, Text("để mai"), Today, out _, out var error));
        Assert.Equal(EngineTexts.NotYesNo("Có", "Không"), error);
    }

    [Theory]
    [InlineData("LanCode2345", true)]
    [InlineData("Kp7tQ2mXa9", true)]
    [InlineData("xinchao", false)]
    [InlineData("Xinchao", false)]
    [InlineData("KpwtQHmXaz", true)]
    [InlineData("Chào bạn", false)]
    [InlineData("abc12", false)]
    public void Only_words_that_look_like_invite_codes_are_tried_as_codes(string text, bool code) =>
        Assert.Equal(code, ChatRegistration.LooksLikeCode(text));
}
