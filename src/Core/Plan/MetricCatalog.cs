namespace YouthMonth.Core.Plan;

/// <summary>The default metrics every campaign starts with (from the 2023 yearly report); a campaign adds its own.</summary>
public static class MetricCatalog
{
    public const string Participants = "participants";

    public static IReadOnlyList<Metric> Defaults()
    {
        Metric[] metrics =
        [
            M(Participants, "Lượt đoàn viên, thanh niên tham gia", "lượt", MetricKind.Integer),
            M("gifts", "Phần quà", "phần", MetricKind.Integer, ActivityCategories.SocialWelfare, ActivityCategories.Children),
            M("gift_value", "Trị giá quà", "đồng", MetricKind.Money, ActivityCategories.SocialWelfare, ActivityCategories.Children),
            M("youth_works", "Công trình, phần việc thanh niên", "công trình", MetricKind.Integer, ActivityCategories.SocialWelfare, ActivityCategories.Creativity),
            M("youth_works_value", "Giá trị công trình", "đồng", MetricKind.Money, ActivityCategories.SocialWelfare, ActivityCategories.Creativity),
            M("medical_people", "Lượt người được khám, phát thuốc", "lượt", MetricKind.Integer, ActivityCategories.SocialWelfare),
            M("medical_value", "Giá trị khám, phát thuốc", "đồng", MetricKind.Money, ActivityCategories.SocialWelfare),
            M("blood_units", "Đơn vị máu", "đơn vị", MetricKind.Integer, ActivityCategories.SocialWelfare),
            M("trees", "Cây xanh", "cây", MetricKind.Integer, ActivityCategories.SocialWelfare),
            M("new_members", "Đoàn viên mới kết nạp", "đoàn viên", MetricKind.Integer, ActivityCategories.UnionBuilding),
            M("party_referrals", "Đoàn viên ưu tú giới thiệu cho Đảng", "đoàn viên", MetricKind.Integer, ActivityCategories.UnionBuilding),
            M("party_admissions", "Đoàn viên được kết nạp Đảng", "đảng viên", MetricKind.Integer, ActivityCategories.UnionBuilding),
            M("funds_raised", "Kinh phí vận động", "đồng", MetricKind.Money, ActivityCategories.SocialWelfare),
        ];
        for (var i = 0; i < metrics.Length; i++) metrics[i].SortOrder = i + 1;
        return metrics;
    }

    private static Metric M(string code, string label, string unit, MetricKind kind, params string[] categories) =>
        new() { Code = code, Label = label, Unit = unit, Kind = kind, Categories = [.. categories] };
}
