namespace YouthMonth.Core.Plan;

/// <summary>A person who reports for a unit, usually its secretary (Bí thư) or a deputy.</summary>
public class Contact
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string Name { get; set; }
    /// <summary>Stored as typed by office staff; compared in normalised form (see PhoneNumber).</summary>
    public string? Phone { get; set; }
    /// <summary>Bí thư, Phó Bí thư, …</summary>
    public string? Role { get; set; }
    public bool Active { get; set; } = true;
    public uint Version { get; set; }
}
