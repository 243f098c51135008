namespace YouthMonth.Core.Plan;

/// <summary>The content areas plans group their actions into. Codes are stored; labels are shown.</summary>
public static class ActivityCategories
{
    public const string Propaganda = "tuyen_truyen";
    public const string SocialWelfare = "an_sinh";
    public const string Culture = "van_hoa";
    public const string Defence = "xung_kich";
    public const string Creativity = "sang_tao";
    public const string Children = "thieu_nhi";
    public const string UnionBuilding = "xay_dung_doan";
    public const string Other = "khac";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Propaganda] = "Tuyên truyền, giáo dục",
        [SocialWelfare] = "Tình nguyện, an sinh xã hội",
        [Culture] = "Văn hóa, văn nghệ, thể dục thể thao",
        [Defence] = "Xung kích bảo vệ Tổ quốc",
        [Creativity] = "Sáng tạo, chuyển đổi số",
        [Children] = "Đồng hành, chăm lo thanh thiếu nhi",
        [UnionBuilding] = "Xây dựng Đoàn",
        [Other] = "Hoạt động khác",
    };

    public static bool IsKnown(string? code) => code is not null && Labels.ContainsKey(code);
}
