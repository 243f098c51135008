using System.Text.Json;
using YouthMonth.Core.Plan;

namespace YouthMonth.Testing;

/// <summary>The shipped sample plans (samples/*.json), found by walking up to YouthMonth.sln.</summary>
public static class SamplePlans
{
    public const string CanTho = "cantho-2024.json";
    public const string TanPhu = "tanphu-2023.json";

    public static PlanDocument Load(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "YouthMonth.sln")))
                return JsonSerializer.Deserialize<PlanDocument>(File.ReadAllText(Path.Combine(dir.FullName, "samples", file)), PlanDocument.JsonOptions)!;
        throw new InvalidOperationException("YouthMonth.sln not found");
    }
}
