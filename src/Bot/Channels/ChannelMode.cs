namespace YouthMonth.Bot.Channels;

/// <summary>How a channel receives updates. Polling and webhooks are mutually exclusive on both platforms.</summary>
public enum ChannelMode { Off, Polling, Webhook }
