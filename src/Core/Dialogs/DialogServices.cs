using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Dialogs.Registration;
using YouthMonth.Core.Dialogs.Reports;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Core.Dialogs;

public static class DialogServices
{
    /// <summary>
    /// The router (the one <see cref="IMessageHandler"/>), the dialogs, the command table built from what they
    /// declare, and the Telegram command menu built from the same declarations.
    /// </summary>
    public static IServiceCollection AddYouthMonthDialogs(this IServiceCollection services)
    {
        services.AddSingleton<ChatRegistration>();
        services.AddSingleton<IDeclaresCommands>(sp => sp.GetRequiredService<ChatRegistration>());
        services.AddSingleton<IDeclaresCommands, StatusView>();
        services.AddSingleton<IDeclaresCommands, EngineCommands>();
        services.AddReportDialog<WeeklyReportDialog>();
        services.AddReportDialog<ShortReportDialog>();
        services.AddReportDialog<FinalReportDialog>();
        services.AddDialog<ReportStarter>();
        services.AddSingleton<DialogCommands>();
        services.AddSingleton(sp => sp.GetRequiredService<DialogCommands>().Menu);
        services.AddScoped<IMessageHandler, DialogRouter>();
        return services;
    }

    /// <summary>A dialog: found by the router by its name, its commands added to the command table and menu.</summary>
    public static IServiceCollection AddDialog<T>(this IServiceCollection services) where T : class, IDialog
    {
        services.AddSingleton<T>();
        services.AddSingleton<IDialog>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>A dialog for one kind of report, which <see cref="ReportStarter"/> hands the chosen period to.</summary>
    public static IServiceCollection AddReportDialog<T>(this IServiceCollection services) where T : class, IReportDialog
    {
        services.AddDialog<T>();
        services.AddSingleton<IReportDialog>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
