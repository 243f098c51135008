namespace YouthMonth.Bot.Extensions;

public static class SchedulingExtensions
{
    /// <summary>Quartz, clustered on PostgreSQL, and the jobs derived from the plan.</summary>
    public static void AddScheduling(this WebApplicationBuilder builder)
    {
    }
}
