using System.Text.Json;

namespace YouthMonth.Core.Plan;

/// <summary>
/// How the organisation's compiled reports are headed and signed (seed 001): the official header lines on the
/// left ("THÀNH ĐOÀN CẦN THƠ", "BCH ĐOÀN KHỐI CƠ QUAN", "DÂN CHÍNH ĐẢNG"), the document code after the number
/// ("BC/ĐTN" in "Số:  -BC/ĐTN"), the signer ("TM. BAN THƯỜNG VỤ", "BÍ THƯ", the name) and "Nơi nhận". Every field
/// is optional: without header lines the parent level and the organisation's name are printed.
/// </summary>
public sealed record Letterhead
{
    public const string DefaultDocumentCode = "BC/ĐTN";
    public const string DefaultSignerCapacity = "TM. BAN THƯỜNG VỤ";
    public const string DefaultSignerTitle = "BÍ THƯ";

    /// <summary>The issuing body's lines, top to bottom; the last is printed in bold.</summary>
    public List<string> HeaderLines { get; init; } = [];
    /// <summary>Ký hiệu after the number: "BC/ĐTN" prints "Số:       -BC/ĐTN".</summary>
    public string? DocumentCode { get; init; }
    /// <summary>"TM. BAN THƯỜNG VỤ" (on behalf of); empty when the signer signs in their own name.</summary>
    public string? SignerCapacity { get; init; }
    /// <summary>"BÍ THƯ", "PHÓ BÍ THƯ".</summary>
    public string? SignerTitle { get; init; }
    public string? SignerName { get; init; }
    /// <summary>"Nơi nhận" lines without the leading dash ("VP Thành đoàn", "Lưu").</summary>
    public List<string> Recipients { get; init; } = [];

    internal string ToJson() => JsonSerializer.Serialize(this, PeriodQuestions.StorageJson);
    internal static Letterhead FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? new Letterhead() : JsonSerializer.Deserialize<Letterhead>(json, PeriodQuestions.StorageJson) ?? new Letterhead();

    public static void Validate(FieldErrors errors, string prefix, Letterhead? l)
    {
        if (l is null) return;
        void Lines(string field, List<string>? lines, int max)
        {
            if (lines is null) { errors.Add(FieldErrors.Join(prefix, field), "Không được để null; dùng [] nếu không có."); return; }
            if (lines.Count > max) errors.Add(FieldErrors.Join(prefix, field), $"Tối đa {max} dòng.");
            for (var i = 0; i < lines.Count; i++)
                PlanRules.RequiredText(errors, FieldErrors.Join(prefix, $"{field}[{i}]"), lines[i], 200);
        }
        Lines("headerLines", l.HeaderLines, 6);
        Lines("recipients", l.Recipients, 20);
        PlanRules.OptionalText(errors, FieldErrors.Join(prefix, "documentCode"), l.DocumentCode, 50);
        PlanRules.OptionalText(errors, FieldErrors.Join(prefix, "signerCapacity"), l.SignerCapacity, 100);
        PlanRules.OptionalText(errors, FieldErrors.Join(prefix, "signerTitle"), l.SignerTitle, 100);
        PlanRules.OptionalText(errors, FieldErrors.Join(prefix, "signerName"), l.SignerName, 200);
    }
}
