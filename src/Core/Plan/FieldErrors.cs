namespace YouthMonth.Core.Plan;

/// <summary>
/// Validation errors keyed by the field they are about ("name", "campaign.periods[2].deadline"), in the shape
/// ASP.NET's ValidationProblem expects. Messages are Vietnamese: office staff read them.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public static string Join(string prefix, string field) => string.IsNullOrEmpty(prefix) ? field : $"{prefix}.{field}";
}
