namespace YouthMonth.Core.Plan;

/// <summary>The organising level (Đoàn Khối, Quận Đoàn …) that issues campaign plans.</summary>
public class Organisation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The parent level printed above the name in reports, e.g. "Thành Đoàn Cần Thơ".</summary>
    public string? ParentName { get; set; }
    /// <summary>Place for the "Cần Thơ, ngày … tháng … năm …" line.</summary>
    public required string Place { get; set; }
    public string TimeZoneId { get; set; } = VietnamTime.DefaultTimeZoneId;
    /// <summary>Header lines, document code, signer and recipients of the compiled report.</summary>
    public Letterhead Letterhead { get; set; } = new();
    public uint Version { get; set; }

    public List<Unit> Units { get; set; } = [];
    public List<Campaign> Campaigns { get; set; } = [];
    public List<LeaderChat> LeaderChats { get; set; } = [];
}
