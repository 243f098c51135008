using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YouthMonth.Core;
using YouthMonth.Core.Dialogs;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Testing;

/// <summary>
/// What a Bot needs to take dialog turns, without its hosts and channels: the database, the inbox, the
/// <see cref="ChatProcessor"/> and the dialogs, on a clock the caller controls. Shared by the dialog harness,
/// the plan-cache tests and the dialog-turns benchmark.
/// </summary>
public static class TurnServices
{
    public static ServiceProvider Build(string connectionString, TimeProvider clock, Action<ILoggingBuilder>? logging = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => logging?.Invoke(b));
        services.AddSingleton(clock);
        services.AddYouthMonthCore(connectionString);
        services.AddScoped<Inbox>();
        services.AddSingleton<ChatProcessor>();
        services.AddYouthMonthDialogs();
        return services.BuildServiceProvider();
    }
}
