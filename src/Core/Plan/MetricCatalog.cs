namespace YouthMonth.Core.Plan;

/// <summary>The default metrics every campaign starts with (from the 2023 yearly report); a campaign adds its own.</summary>
public static class MetricCatalog
{
    public const string Participants = "participants";

    public static IReadOnlyList<Metric> Defaults()
    {
        Metric[] metrics =
        [
            M(Participants, 100_000m, "tham gia|người tham gia|đoàn viên tham gia", "Lượt đoàn viên, thanh niên tham gia", "lượt", MetricKind.Integer),
            M("gifts", 10_000m, "quà|suất quà", "Phần quà", "phần", MetricKind.Integer, ActivityCategories.SocialWelfare, ActivityCategories.Children),
            M("gift_value", 5_000_000_000m, "trị giá|tiền quà|giá trị quà", "Trị giá quà", "đồng", MetricKind.Money, ActivityCategories.SocialWelfare, ActivityCategories.Children),
            M("youth_works", 1_000m, "công trình|phần việc", "Công trình, phần việc thanh niên", "công trình", MetricKind.Integer, ActivityCategories.SocialWelfare, ActivityCategories.Creativity),
            M("youth_works_value", 10_000_000_000m, "giá trị công trình|trị giá công trình", "Giá trị công trình", "đồng", MetricKind.Money, ActivityCategories.SocialWelfare, ActivityCategories.Creativity),
            M("medical_people", 20_000m, "khám|khám bệnh|phát thuốc", "Lượt người được khám, phát thuốc", "lượt", MetricKind.Integer, ActivityCategories.SocialWelfare),
            M("medical_value", 2_000_000_000m, "giá trị khám|tiền thuốc", "Giá trị khám, phát thuốc", "đồng", MetricKind.Money, ActivityCategories.SocialWelfare),
            M("blood_units", 5_000m, "máu|đơn vị máu|hiến máu", "Đơn vị máu", "đơn vị", MetricKind.Integer, ActivityCategories.SocialWelfare),
            M("trees", 100_000m, "cây|trồng cây", "Cây xanh", "cây", MetricKind.Integer, ActivityCategories.SocialWelfare),
            M("new_members", 5_000m, "kết nạp đoàn|đoàn viên mới", "Đoàn viên mới kết nạp", "đoàn viên", MetricKind.Integer, ActivityCategories.UnionBuilding),
            M("party_referrals", 1_000m, "giới thiệu|giới thiệu đảng|đoàn viên ưu tú", "Đoàn viên ưu tú giới thiệu cho Đảng", "đoàn viên", MetricKind.Integer, ActivityCategories.UnionBuilding),
            M("party_admissions", 500m, "kết nạp đảng|đảng viên mới", "Đoàn viên được kết nạp Đảng", "đảng viên", MetricKind.Integer, ActivityCategories.UnionBuilding),
            M("funds_raised", 10_000_000_000m, "vận động|kinh phí", "Kinh phí vận động", "đồng", MetricKind.Money, ActivityCategories.SocialWelfare),
        ];
        for (var i = 0; i < metrics.Length; i++) metrics[i].SortOrder = i + 1;
        return metrics;
    }

    // Aliases are what secretaries type for the number ("máu 45"); they must not collide between metrics that one
    // activity asks together, or "trị giá 25tr" would be ambiguous (the longest match wins).
    // The cap is what one unit's report plausibly gives (its week, or its month in the final report); a larger
    // number is confirmed with the person, never refused.
    private static Metric M(string code, decimal max, string aliases, string label, string unit, MetricKind kind, params string[] categories) =>
        new() { Code = code, Label = label, Unit = unit, Kind = kind, Categories = [.. categories], Aliases = [.. aliases.Split('|')], Max = max };
}
