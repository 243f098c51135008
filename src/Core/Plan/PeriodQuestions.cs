using System.Text.Json;
using System.Text.Json.Serialization;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Core.Plan;

/// <summary>What a nomination asks about each nominee.</summary>
public enum NominationField
{
    /// <summary>Tên tập thể / họ và tên.</summary>
    Name,
    /// <summary>Đơn vị (for a collective) or chức vụ, đơn vị (for an individual).</summary>
    UnitOrPosition,
    /// <summary>Thành tích.</summary>
    Achievement,
}

/// <summary>
/// What a final-kind period collects, set per period in the plan: Cần Thơ's "Báo cáo tổng kết và đề nghị khen
/// thưởng" asks for totals, an assessment and one collective and one individual nominee; Tân Phú's "Báo cáo số
/// liệu trực tuyến" asks for numbers only. Stored as JSON on the period; null means <see cref="DefaultFor"/>.
/// </summary>
public sealed record PeriodQuestions
{
    public const int MaxNominationsPerKind = 10;

    /// <summary>Asks "Mặt được" and "Hạn chế" (seed 001's "Nhận xét, đánh giá").</summary>
    public bool Assessment { get; init; }
    /// <summary>How many nominees of each kind in <see cref="NominationKinds"/> (0 = no nominations).</summary>
    public int NominationsPerKind { get; init; }
    public List<NominationKind> NominationKinds { get; init; } = [];
    /// <summary>The fields asked about each nominee; the name is always asked.</summary>
    public List<NominationField> NominationFields { get; init; } = [];
    /// <summary>The metric codes whose totals the period asks for; null = every metric of the campaign, [] = no numbers.</summary>
    public List<string>? Metrics { get; init; }

    public bool AsksNominations => NominationsPerKind > 0 && NominationKinds.Count > 0;
    public bool AsksNumbers => Metrics is not { Count: 0 };
    public bool Asks(NominationField field) => field == NominationField.Name || NominationFields.Contains(field);

    /// <summary>
    /// What a final period asks when the plan says nothing: totals of every metric, the assessment and one
    /// collective and one individual nominee with name, unit or position and achievement (seed 000). Other kinds
    /// ask none of these.
    /// </summary>
    public static PeriodQuestions? DefaultFor(PeriodKind kind) => kind == PeriodKind.Final
        ? new PeriodQuestions
        {
            Assessment = true, NominationsPerKind = 1,
            NominationKinds = [NominationKind.Collective, NominationKind.Individual],
            NominationFields = [NominationField.Name, NominationField.UnitOrPosition, NominationField.Achievement],
        }
        : null;

    /// <summary>The period's own questions, or the default for its kind.</summary>
    public static PeriodQuestions? For(ReportingPeriod period) => period.Questions ?? DefaultFor(period.Kind);

    internal static readonly JsonSerializerOptions StorageJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A stable text of the questions for change tracking and comparisons.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, StorageJson);

    public static PeriodQuestions? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<PeriodQuestions>(json, StorageJson);

    /// <summary>The plan's checks for one period's questions, under <paramref name="prefix"/> ("campaign.periods[6].questions").</summary>
    public static void Validate(FieldErrors errors, string prefix, PeriodKind kind, PeriodQuestions? q, IReadOnlySet<string>? metricCodes)
    {
        if (q is null) return;
        if (kind != PeriodKind.Final)
        {
            errors.Add(prefix, "Chỉ kỳ báo cáo tổng kết (kind Final) mới đặt câu hỏi riêng (questions).");
            return;
        }
        if (q.NominationKinds is null) errors.Add(FieldErrors.Join(prefix, "nominationKinds"), "Không được để null; dùng [] nếu không có.");
        if (q.NominationFields is null) errors.Add(FieldErrors.Join(prefix, "nominationFields"), "Không được để null; dùng [] nếu không có.");
        if (q.NominationKinds is null || q.NominationFields is null) return;
        if (q.NominationsPerKind is < 0 or > MaxNominationsPerKind)
            errors.Add(FieldErrors.Join(prefix, "nominationsPerKind"), $"Số đề nghị khen thưởng mỗi loại từ 0 đến {MaxNominationsPerKind}.");
        if (q.NominationsPerKind > 0 && q.NominationKinds.Count == 0)
            errors.Add(FieldErrors.Join(prefix, "nominationKinds"), "Cho biết loại đề nghị khen thưởng: Collective (tập thể), Individual (cá nhân).");
        if (q.NominationKinds.Distinct().Count() != q.NominationKinds.Count)
            errors.Add(FieldErrors.Join(prefix, "nominationKinds"), "Loại đề nghị khen thưởng bị trùng.");
        if (q.NominationFields.Distinct().Count() != q.NominationFields.Count)
            errors.Add(FieldErrors.Join(prefix, "nominationFields"), "Thông tin đề nghị khen thưởng bị trùng.");
        if (q.Metrics is null || metricCodes is null) return;
        for (var i = 0; i < q.Metrics.Count; i++)
            if (q.Metrics[i] is not { } code || !metricCodes.Contains(code))
                errors.Add(FieldErrors.Join(prefix, $"metrics[{i}]"), $"Chỉ số \"{q.Metrics[i]}\" không có trong đợt này.");
        if (q.Metrics.Distinct().Count() != q.Metrics.Count) errors.Add(FieldErrors.Join(prefix, "metrics"), "Mã chỉ số bị trùng.");
    }
}
