using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>
/// A report being written, kept in the dialog state (saved at every step) until the person confirms it; only
/// then is it written to the report tables, so a half-done report is never counted.
/// </summary>
public sealed class ReportDraft : Engine.IReviewedData
{
    public int PeriodId { get; set; }
    public int UnitId { get; set; }
    public string PeriodLabel { get; set; } = "";
    public PeriodKind Kind { get; set; }
    /// <summary>Set when this draft edits the unit's existing report.</summary>
    public int? ReportId { get; set; }
    public List<ActivityDraft> Activities { get; set; } = [];
    /// <summary>Index of the activity being filled in.</summary>
    public int Current { get; set; }
    /// <summary>Metric codes still to ask for the current activity (or, in the final report, the one being fixed).</summary>
    public List<string> MetricQueue { get; set; } = [];
    /// <summary>Photos sent before the photo question; attached to the activity when it is asked.</summary>
    public List<int> EarlyPhotoIds { get; set; } = [];
    /// <summary>Photos sent before the photo question, stored or not (the position of each among them).</summary>
    public int EarlyPhotosSent { get; set; }
    /// <summary>Photos sent before the photo question that could not be stored; recorded with the activity they go to.</summary>
    public List<PhotoFailureDraft> EarlyPhotoFailures { get; set; } = [];
    /// <summary>Numbers of one message waiting for the person to confirm an implausible one among them.</summary>
    public List<PendingValue> Pending { get; set; } = [];
    /// <summary>Answering one field from the review screen: go back to the review afterwards.</summary>
    public bool Fixing { get; set; }

    // Final report
    public Dictionary<string, decimal> Totals { get; set; } = [];
    /// <summary>Codes of <see cref="Totals"/> typed as estimates.</summary>
    public List<string> ApproximateTotals { get; set; } = [];
    public string? Assessment { get; set; }
    /// <summary>"Hạn chế" of the assessment (<see cref="Assessment"/> is "Mặt được").</summary>
    public string? Limitations { get; set; }
    public List<NominationDraft> Nominations { get; set; } = [];
    /// <summary>The nominee being asked: kind index × nominations per kind + ordinal, in the period's order.</summary>
    public int NominationSlot { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public ActivityDraft CurrentActivity => Activities[Current];

    internal static void Mark(List<string> approximate, string code, bool on)
    {
        approximate.Remove(code);
        if (on) approximate.Add(code);
    }
}

public sealed class ActivityDraft
{
    public int? ActivityId { get; set; }
    public string Title { get; set; } = "";
    public string Category { get; set; } = ActivityCategories.Other;
    public DateOnly? Date { get; set; }
    public Dictionary<string, decimal> Values { get; set; } = [];
    /// <summary>The numbers before the person started fixing them from the review, to mark what changed.</summary>
    public Dictionary<string, decimal>? ValuesBefore { get; set; }
    /// <summary>Which of <see cref="ValuesBefore"/> were estimates, so "trước: ≈ 200" keeps its mark.</summary>
    public List<string>? ApproximateBefore { get; set; }
    /// <summary>Codes of <see cref="Values"/> typed as estimates ("khoảng 200"), shown with "≈".</summary>
    public List<string> Approximate { get; set; } = [];
    public string? News { get; set; }
    public List<string> Links { get; set; } = [];
    public List<int> PhotoIds { get; set; } = [];
    /// <summary>Photos sent for this activity so far, stored or not: the position of the next one is this + 1.</summary>
    public int PhotosSent { get; set; }
    /// <summary>Photos that could not be stored and were not sent again; written with the report for the office.</summary>
    public List<PhotoFailureDraft> PhotoFailures { get; set; } = [];

    /// <summary>Keeps the numbers as they are before the first fix from the review (later fixes keep the first copy).</summary>
    public void RememberValuesBeforeFix()
    {
        ValuesBefore ??= new(Values);
        ApproximateBefore ??= [.. Approximate];
    }

    /// <summary>Forgets the photos, to take them all again ("Ảnh (gửi lại toàn bộ)").</summary>
    public void ClearPhotos()
    {
        PhotoIds.Clear();
        PhotoFailures.Clear();
        PhotosSent = 0;
    }

    /// <summary>Records a number with its estimate mark (a number typed again exactly loses the mark).</summary>
    public void Set(string code, decimal value, bool approximate)
    {
        Values[code] = value;
        ReportDraft.Mark(Approximate, code, approximate);
    }

    public void Clear(string code)
    {
        Values.Remove(code);
        Approximate.Remove(code);
    }
}

/// <summary>A photo of the activity that could not be stored (see <see cref="Reporting.ReportPhotoFailure"/>).</summary>
public sealed class PhotoFailureDraft
{
    public int Position { get; set; }
    public string? FileName { get; set; }
    public string? Caption { get; set; }
    public Messaging.PhotoRejection Reason { get; set; }
    public long? MaxBytes { get; set; }
    public string? Detail { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The person has been told; a photo sent after that is taken as this one sent again.</summary>
    public bool Told { get; set; }
}

public sealed class PendingValue
{
    public string Code { get; set; } = "";
    public decimal Value { get; set; }
    public bool Approximate { get; set; }
}

public sealed class NominationDraft
{
    public Reporting.NominationKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? Position { get; set; }
    public string? Reason { get; set; }
}
