using YouthMonth.Bot.Channels.Local;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Channels.Zalo;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Extensions;

public static class ChannelExtensions
{
    /// <summary>Channel adapters, API clients, inbox processor, outbox sender, pollers.</summary>
    public static void AddChannels(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ZaloOptions>().BindConfiguration(ZaloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PhotoOptions>().BindConfiguration(PhotoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LocalChatOptions>().BindConfiguration(LocalChatOptions.Section);

        // Bot API URLs contain the token: the default HttpClient logging would print them, so it is removed.
        // Telegram.Bot's client over the named HttpClient "telegram" (tests add handlers to it), created per use.
        services.AddHttpClient(TelegramApi.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(80)).RemoveAllLoggers();
        services.AddSingleton<TelegramApi>();
        services.AddHttpClient<ZaloClient>(c => c.Timeout = TimeSpan.FromSeconds(80)).RemoveAllLoggers();

        services.AddScoped<Inbox>();
        services.AddSingleton<InboxWriter>();
        services.AddSingleton<ChatProcessor>();
        services.AddScoped<InboundPipeline>();
        services.AddScoped<PhotoLibrary>();
        services.AddScoped<IIncomingMediaStore, IncomingPhotoDownloader>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<TelegramBotIdentity>();
        services.AddSingleton<TelegramCommandMenu>();
        services.AddSingleton<IChannelSender, TelegramSender>();
        services.AddSingleton<IChannelSender, ZaloSender>();
        services.AddSingleton<IChannelSender, LocalSender>();
        services.AddSingleton<CallbackAnswers>();
        services.AddHostedService(sp => sp.GetRequiredService<CallbackAnswers>());
        services.AddHostedService<TelegramPoller>();
        services.AddHostedService<ZaloPoller>();
        services.AddHostedService<InboxWorker>();
        services.AddSingleton<SendPacer>();
        services.AddHostedService<OutboxSender>();
    }

    /// <summary>Webhook endpoints and the local web chat.</summary>
    public static void MapChannelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapTelegramWebhook();
        app.MapZaloWebhook();
        app.MapLocalChatApi();
        app.MapPhotoFiles();
    }
}
