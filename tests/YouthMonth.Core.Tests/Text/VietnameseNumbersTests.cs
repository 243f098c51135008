using System.Text;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Tests.Text;

public sealed class VietnameseNumbersTests
{
    public static TheoryData<string, NumberKind, decimal> Accepted => new()
    {
        // Plain numbers and Vietnamese grouping: "." for thousands, "," for decimals.
        { "0", NumberKind.Count, 0m },
        { "120", NumberKind.Count, 120m },
        { " 45 ", NumberKind.Count, 45m },
        { "1.000", NumberKind.Count, 1_000m },
        { "3.094", NumberKind.Count, 3_094m },
        { "1.234.567", NumberKind.Money, 1_234_567m },
        { "1000000", NumberKind.Money, 1_000_000m },
        { "1.234,5 nghìn", NumberKind.Money, 1_234_500m },
        { "0,5 triệu", NumberKind.Money, 500_000m },
        // Scale words, with and without diacritics, any case, glued or spaced.
        { "926 triệu", NumberKind.Money, 926_000_000m },
        { "926 TRIỆU", NumberKind.Money, 926_000_000m },
        { "926 trieu", NumberKind.Money, 926_000_000m },
        { "2,3 tỷ", NumberKind.Money, 2_300_000_000m },
        { "2,3 tỉ", NumberKind.Money, 2_300_000_000m },
        { "2,3 ty dong", NumberKind.Money, 2_300_000_000m },
        { "150 nghìn", NumberKind.Money, 150_000m },
        { "150 ngàn", NumberKind.Money, 150_000m },
        { "150 ngan", NumberKind.Money, 150_000m },
        { "700k", NumberKind.Money, 700_000m },
        { "700K", NumberKind.Money, 700_000m },
        { "5tr", NumberKind.Money, 5_000_000m },
        { "3 trăm", NumberKind.Count, 300m },
        { "3 trăm nghìn", NumberKind.Money, 300_000m },
        { "1.5 triệu", NumberKind.Money, 1_500_000m },
        // Compounds: a bare number after a scale word continues that scale.
        { "1tr5", NumberKind.Money, 1_500_000m },
        { "1 triệu 5", NumberKind.Money, 1_500_000m },
        { "1tr25", NumberKind.Money, 1_250_000m },
        { "2 triệu 300", NumberKind.Money, 2_300_000m },
        { "2 triệu 050", NumberKind.Money, 2_050_000m },
        { "1 tỷ 2", NumberKind.Money, 1_200_000_000m },
        { "2k5", NumberKind.Money, 2_500m },
        { "3 trăm 5", NumberKind.Count, 350m },
        { "2 tỷ 300 triệu", NumberKind.Money, 2_300_000_000m },
        { "2 triệu 300 nghìn", NumberKind.Money, 2_300_000m },
        { "1tr500", NumberKind.Money, 1_500_000m },
        { "1 nghìn 2 trăm", NumberKind.Count, 1_200m },
        { "2,3tỷ", NumberKind.Money, 2_300_000_000m },
        { "2.3 tỷ", NumberKind.Money, 2_300_000_000m },
        { "10k người", NumberKind.Count, 10_000m },
        { "2tr300k", NumberKind.Money, 2_300_000m },
        { "2 triệu 3 trăm nghìn", NumberKind.Money, 2_300_000m },
        { "1ty2", NumberKind.Money, 1_200_000_000m },
        { "2 tỷ 5 nghìn", NumberKind.Money, 2_000_005_000m },
        { "1 triệu 200 nghìn đồng", NumberKind.Money, 1_200_000m },
        { "1 triệu rưỡi", NumberKind.Money, 1_500_000m },
        { "2,5 nghìn", NumberKind.Count, 2_500m },
        // Units are tolerated.
        { "1.234.567 đồng", NumberKind.Money, 1_234_567m },
        { "1.234.567 Đồng", NumberKind.Money, 1_234_567m },
        { "500.000đ", NumberKind.Money, 500_000m },
        { "500.000 VNĐ", NumberKind.Money, 500_000m },
        { "120 lượt", NumberKind.Count, 120m },
        { "120 lượt ĐVTN", NumberKind.Count, 120m },
        { "35 người", NumberKind.Count, 35m },
        { "1.000 cây", NumberKind.Count, 1_000m },
        { "10.000.000", NumberKind.Count, 10_000_000m },
        // Counts above ten million are read; the metric's cap in the plan asks the person to confirm them.
        { "10.000.001", NumberKind.Count, 10_000_001m },
        { "20 triệu lượt", NumberKind.Count, 20_000_000m },
        { "12 500 000 người", NumberKind.Count, 12_500_000m },
        { "1.000 tỷ", NumberKind.Money, 1_000_000_000_000m },
        { "120.", NumberKind.Count, 120m },
        // A space as the thousands separator (a 1–3 digit group, then groups of three).
        { "1 000 000", NumberKind.Money, 1_000_000m },
        { "12 500", NumberKind.Count, 12_500m },
        { "120 100", NumberKind.Count, 120_100m },
        { "1 200 lượt", NumberKind.Count, 1_200m },
        { "25 000 000 đồng", NumberKind.Money, 25_000_000m },
        { "2 500 nghìn", NumberKind.Money, 2_500_000m },
        // Words meaning zero.
        { "không", NumberKind.Count, 0m },
        { "Không có", NumberKind.Count, 0m },
        { "ko", NumberKind.Count, 0m },
        { "chưa có", NumberKind.Money, 0m },
        { "không có ai", NumberKind.Count, 0m },
        { "0 đồng", NumberKind.Money, 0m },
        // A trailing per-period or per-person suffix.
        { "120/tuần", NumberKind.Count, 120m },
        { "120 lượt/tuần", NumberKind.Count, 120m },
        { "45 lượt mỗi tuần", NumberKind.Count, 45m },
        { "50 nghìn/người", NumberKind.Money, 50_000m },
        { "30 phần / đợt", NumberKind.Count, 30m },
        { "20 lượt 1 tháng", NumberKind.Count, 20m },
        // Currency words and million/billion words with decimals.
        { "25tr đồng", NumberKind.Money, 25_000_000m },
        { "25 triệu VND", NumberKind.Money, 25_000_000m },
        { "25 triệu vnđ", NumberKind.Money, 25_000_000m },
        { "300.000 đ", NumberKind.Money, 300_000m },
        { "300k đ", NumberKind.Money, 300_000m },
        { "1,5 tỷ", NumberKind.Money, 1_500_000_000m },
        { "1,25 tỷ đồng", NumberKind.Money, 1_250_000_000m },
        { "0,75 triệu", NumberKind.Money, 750_000m },
        { "3,2 triệu đồng", NumberKind.Money, 3_200_000m },
        { "12.5 triệu", NumberKind.Money, 12_500_000m },
        { "2 tỷ rưỡi", NumberKind.Money, 2_500_000_000m },
        { "1 nghìn rưỡi", NumberKind.Count, 1_500m },
        // Vietnamese number words where they have one reading.
        { "mười", NumberKind.Count, 10m },
        { "mười lăm", NumberKind.Count, 15m },
        { "mười một", NumberKind.Count, 11m },
        { "hai mươi", NumberKind.Count, 20m },
        { "hai mươi mốt", NumberKind.Count, 21m },
        { "hai mươi tư", NumberKind.Count, 24m },
        { "hai mươi lăm người", NumberKind.Count, 25m },
        { "năm mươi", NumberKind.Count, 50m },
        { "tám mươi", NumberKind.Count, 80m },
        { "chín mươi chín", NumberKind.Count, 99m },
        { "một trăm", NumberKind.Count, 100m },
        { "một trăm linh năm", NumberKind.Count, 105m },
        { "một trăm lẻ hai", NumberKind.Count, 102m },
        { "một trăm hai mươi", NumberKind.Count, 120m },
        { "ba trăm năm mươi", NumberKind.Count, 350m },
        { "ba nghìn", NumberKind.Count, 3_000m },
        { "ba ngàn", NumberKind.Count, 3_000m },
        { "hai mươi nghìn", NumberKind.Money, 20_000m },
        { "năm trăm nghìn đồng", NumberKind.Money, 500_000m },
        { "một triệu", NumberKind.Money, 1_000_000m },
        { "2 triệu rưỡi", NumberKind.Money, 2_500_000m },
        { "một triệu rưỡi", NumberKind.Money, 1_500_000m },
        { "hai triệu ba trăm nghìn", NumberKind.Money, 2_300_000m },
        { "mot tram", NumberKind.Count, 100m },
        { "hai muoi", NumberKind.Count, 20m },
        { "ba", NumberKind.Count, 3m },
        { "MƯỜI", NumberKind.Count, 10m },
        // Approximate words: the number is kept (and marked approximate, see below).
        { "khoảng 100", NumberKind.Count, 100m },
        { "hơn 200 lượt", NumberKind.Count, 200m },
        { "gần 50", NumberKind.Count, 50m },
        { "trên 1.000", NumberKind.Count, 1_000m },
        { "tầm 30", NumberKind.Count, 30m },
        { "tam 30", NumberKind.Count, 30m },
        { "trên dưới 80", NumberKind.Count, 80m },
        { "khoang 5tr", NumberKind.Money, 5_000_000m },
        { "hơn hai mươi", NumberKind.Count, 20m },
        { "xấp xỉ 2 tỷ", NumberKind.Money, 2_000_000_000m },
    };

    public static TheoryData<string, bool> Approximate => new()
    {
        { "khoảng 100", true },
        { "hơn 200 lượt", true },
        { "gần 50", true },
        { "trên 1.000", true },
        { "tầm 30", true },
        { "trên dưới 80", true },
        { "100", false },
        { "tám mươi", false },
        { "1 000 000", false },
    };

    [Theory]
    [MemberData(nameof(Approximate))]
    public void Approximate_words_mark_the_number(string input, bool expected)
    {
        Assert.True(VietnameseNumbers.TryParse(input, NumberKind.Money, out _, out var approximate, out var error), error);
        Assert.Equal(expected, approximate);
    }

    [Theory]
    [InlineData("hai mươi lăm")]
    [InlineData("khoảng 1 200 người")]
    [InlineData("một trăm linh năm")]
    public void Decomposed_NFD_input_reads_like_composed(string text)
    {
        Assert.True(VietnameseNumbers.TryParse(text, NumberKind.Count, out var composed, out _));
        Assert.True(VietnameseNumbers.TryParse(text.Normalize(NormalizationForm.FormD), NumberKind.Count, out var decomposed, out _));
        Assert.Equal(composed, decomposed);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Reads_numbers_the_Vietnamese_way(string input, NumberKind kind, decimal expected)
    {
        var ok = VietnameseNumbers.TryParse(input, kind, out var value, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, value);
        Assert.Equal("", error);
    }

    public static TheoryData<string?, NumberKind, string> Refused => new()
    {
        // input, kind, a piece of the error the person sees
        { null, NumberKind.Count, "Chưa có số nào" },
        { "", NumberKind.Count, "ví dụ: 120" },
        { "   ", NumberKind.Money, "ví dụ: 1.500.000" },
        { "abc", NumberKind.Count, "Chưa hiểu số \"abc\"" },
        { "mười một trăm", NumberKind.Count, "\"mười một trăm\"" },
        { "khoảng", NumberKind.Count, "\"khoảng\"" },
        { "mười tư", NumberKind.Count, "\"mười tư\"" },
        { "hai mươi ba mươi", NumberKind.Count, "Chưa hiểu" },
        { "một trăm linh", NumberKind.Count, "\"một trăm linh\"" },
        { "trăm", NumberKind.Count, "Chưa hiểu số" },
        { "nhiều", NumberKind.Count, "\"nhiều\"" },
        { "vài chục", NumberKind.Count, "\"vài chục\"" },
        { "hơn", NumberKind.Count, "\"hơn\"" },
        { "120 người 30 phần", NumberKind.Count, "chưa rõ" },
        { "1 000 00", NumberKind.Money, "chưa rõ" },
        { "2/tuần/người", NumberKind.Count, "Chưa hiểu" },
        { "-khoảng 5", NumberKind.Count, "không được âm" },
        { "khoảng -5", NumberKind.Count, "Chưa hiểu" },
        { "5 con", NumberKind.Count, "\"5 con\"" },
        { "100 con mèo", NumberKind.Count, "\"100 con mèo\"" },
        { "tr5", NumberKind.Money, "Chưa hiểu số" },
        { "-5", NumberKind.Count, "không được âm" },
        { "−5", NumberKind.Count, "không được âm" },
        { "âm 5", NumberKind.Count, "không được âm" },
        { "-1.000.000 đồng", NumberKind.Money, "không được âm" },
        { "1.2.3", NumberKind.Count, "\"1.2.3\" chưa rõ" },
        { "1.5", NumberKind.Count, "dấu phẩy cho phần lẻ" },
        { "1.00", NumberKind.Money, "\"1.00\" chưa rõ" },
        { "12.34.567", NumberKind.Money, "chưa rõ" },
        { "2,500", NumberKind.Money, "ví dụ: 2.500 hoặc 2,5" },
        { "1,234,567", NumberKind.Money, "dấu chấm để tách hàng nghìn" },
        { "1,234.5", NumberKind.Money, "chưa rõ" },
        { "1,", NumberKind.Count, "chưa rõ" },
        { "2 triệu 3000", NumberKind.Money, "\"2 triệu 3000\" chưa rõ. Hãy viết đủ" },
        { "2 triệu 3 trăm", NumberKind.Money, "ví dụ: 2.300.000 hoặc 2 triệu 300 nghìn" },
        { "1 triệu 2,5 nghìn", NumberKind.Money, "Hãy viết đủ" },
        { "2 triệu 3 tỷ", NumberKind.Money, "chưa rõ" },
        { "1tr5 3", NumberKind.Money, "chưa rõ" },
        { "12 34", NumberKind.Count, "chưa rõ" },
        { "1 000 0000", NumberKind.Money, "chưa rõ: có vẻ là hai số" },
        { "1200 100", NumberKind.Count, "chưa rõ" },
        { "2,5", NumberKind.Count, "số nguyên" },
        { "1,5 người", NumberKind.Count, "số nguyên" },
        { "2,5", NumberKind.Money, "ví dụ: 2,5 triệu" },
        { "1.000.000.000.001", NumberKind.Count, "quá lớn (tối đa 1.000.000.000.000)" },
        { "2 nghìn tỷ lượt", NumberKind.Count, "quá lớn" },
        { "1.001 tỷ", NumberKind.Money, "quá lớn (tối đa 1.000.000.000.000)" },
        { "99999999999999999999", NumberKind.Money, "quá lớn" },
        { "9999 tỷ tỷ tỷ tỷ", NumberKind.Money, "quá lớn" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_with_a_Vietnamese_sentence_and_an_example(string? input, NumberKind kind, string expected)
    {
        var ok = VietnameseNumbers.TryParse(input, kind, out var value, out var error);

        Assert.False(ok);
        Assert.Equal(0m, value);
        Assert.Contains(expected, error);
        Assert.Contains("ví dụ", error);
        Assert.EndsWith(".", error);
    }

    [Fact]
    public void Accepts_decomposed_NFD_input_and_echoes_it_composed()
    {
        var nfd = "926 triệu đồng".Normalize(NormalizationForm.FormD);
        Assert.True(VietnameseNumbers.TryParse(nfd, NumberKind.Money, out var value, out _));
        Assert.Equal(926_000_000m, value);

        Assert.False(VietnameseNumbers.TryParse("mười tư".Normalize(NormalizationForm.FormD), NumberKind.Count, out _, out var error));
        Assert.Contains("\"mười tư\"", error);
        Assert.True(error.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void A_long_message_is_not_echoed_whole()
    {
        var input = string.Concat(Enumerable.Repeat("hôm nay chi đoàn tổ chức ", 20));
        Assert.False(VietnameseNumbers.TryParse(input, NumberKind.Count, out _, out var error));
        Assert.True(error.Length < 200, error);
    }

    public static TheoryData<decimal, string> Formatted => new()
    {
        { 0m, "0" },
        { 7m, "7" },
        { 999m, "999" },
        { 1_000m, "1.000" },
        { 3_094m, "3.094" },
        { 1_234_567m, "1.234.567" },
        { 2.5m, "2,5" },
        { 2.50m, "2,5" },
        { 1_234.75m, "1.234,75" },
        { 1_000_000_000_000m, "1.000.000.000.000" },
        { -1_500m, "-1.500" },
    };

    [Theory]
    [MemberData(nameof(Formatted))]
    public void Formats_with_dot_thousands_and_decimal_comma(decimal value, string expected) =>
        Assert.Equal(expected, VietnameseNumbers.Format(value));

    [Fact]
    public void Formats_with_a_unit()
    {
        Assert.Equal("1.234.567 đồng", VietnameseNumbers.Format(1_234_567m, "đồng"));
        Assert.Equal("120 lượt", VietnameseNumbers.Format(120m, " lượt "));
        Assert.Equal("120", VietnameseNumbers.Format(120m, ""));
    }

    [Theory]
    [InlineData("1.234.567 đồng", NumberKind.Money)]
    [InlineData("2.300.000.000", NumberKind.Money)]
    [InlineData("3.094", NumberKind.Count)]
    [InlineData("0", NumberKind.Count)]
    public void What_is_echoed_back_reads_back_the_same(string text, NumberKind kind)
    {
        Assert.True(VietnameseNumbers.TryParse(text, kind, out var value, out _));
        var echoed = kind == NumberKind.Money ? VietnameseNumbers.Format(value, "đồng") : VietnameseNumbers.Format(value);
        Assert.True(VietnameseNumbers.TryParse(echoed, kind, out var again, out _));
        Assert.Equal(value, again);
    }
}
