using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Messaging;

/// <summary>
/// Runs <see cref="MessagePurge"/> a few minutes after start and then every 24 hours. The only place the purge is
/// scheduled: moving it to the job scheduler means replacing this class. Several Bots purging is harmless.
/// </summary>
public sealed class DailyPurge(IServiceScopeFactory scopes, ILogger<DailyPurge> logger) : BackgroundService
{
    public static readonly TimeSpan FirstRunAfter = TimeSpan.FromMinutes(5), Interval = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunAfter, stoppingToken);
            using var timer = new PeriodicTimer(Interval);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<MessagePurge>().ExecuteAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Purging old inbox/outbox rows failed; trying again in {Hours} h", Interval.TotalHours);
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
