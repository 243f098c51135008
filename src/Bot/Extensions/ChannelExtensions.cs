namespace YouthMonth.Bot.Extensions;

public static class ChannelExtensions
{
    /// <summary>Channel adapters, API clients, inbox processor, outbox sender, pollers.</summary>
    public static void AddChannels(this WebApplicationBuilder builder)
    {
    }

    /// <summary>Webhook endpoints and the local web chat.</summary>
    public static void MapChannelEndpoints(this IEndpointRouteBuilder app)
    {
    }
}
