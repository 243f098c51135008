using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Dialogs.Registration;
using YouthMonth.Core.Dialogs.Reports;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Core.Dialogs;

public static class DialogServices
{
    /// <summary>The router (the one <see cref="IMessageHandler"/>), registration, the report dialogs and the command menu.</summary>
    public static IServiceCollection AddYouthMonthDialogs(this IServiceCollection services)
    {
        services.AddSingleton<ChatRegistration>();
        services.AddSingleton<StatusView>();
        services.AddSingleton<WeeklyReportDialog>();
        services.AddSingleton<ShortReportDialog>();
        services.AddSingleton<FinalReportDialog>();
        services.AddSingleton<IReportDialog>(sp => sp.GetRequiredService<WeeklyReportDialog>());
        services.AddSingleton<IReportDialog>(sp => sp.GetRequiredService<ShortReportDialog>());
        services.AddSingleton<IReportDialog>(sp => sp.GetRequiredService<FinalReportDialog>());
        services.AddSingleton<ReportStarter>();
        services.AddSingleton<IDialog>(sp => sp.GetRequiredService<ReportStarter>());
        services.AddSingleton<IDialog>(sp => sp.GetRequiredService<WeeklyReportDialog>());
        services.AddSingleton<IDialog>(sp => sp.GetRequiredService<ShortReportDialog>());
        services.AddSingleton<IDialog>(sp => sp.GetRequiredService<FinalReportDialog>());
        services.AddScoped<IMessageHandler, DialogRouter>();
        services.AddSingleton(DialogCommands.Menu);
        return services;
    }
}
