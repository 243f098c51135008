namespace YouthMonth.Core.Plan;

public enum UnitKind
{
    /// <summary>Đoàn cơ sở (ĐCS)</summary>
    DoanCoSo,
    /// <summary>Chi đoàn cơ sở (CĐCS)</summary>
    ChiDoanCoSo,
    /// <summary>Chi đoàn (inside a Đoàn cơ sở, or a neighbourhood chi đoàn khu phố)</summary>
    ChiDoan,
    Other,
}

/// <summary>A grassroots unit (tổ chức cơ sở Đoàn, TCCSĐ) that reports.</summary>
public class Unit
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; } = UnitKind.DoanCoSo;
    /// <summary>Cụm thi đua (competition cluster); null when the plan uses none.</summary>
    public string? Cluster { get; set; }
    public int? MemberCount { get; set; }
    public bool Active { get; set; } = true;
    public uint Version { get; set; }

    public List<Contact> Contacts { get; set; } = [];
}
