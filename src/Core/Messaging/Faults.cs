using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace YouthMonth.Core.Messaging;

/// <summary>
/// An exception that knows whether trying again later can succeed. Channel errors implement it (a 502 from the
/// file server is transient, a 400 is not), so Core can decide about retries without knowing the platforms.
/// </summary>
public interface IClassifiedFault
{
    bool IsTransient { get; }
}

public static class Faults
{
    /// <summary>
    /// True when the failure may pass by itself: network errors, timeouts, 5xx, rate limits, a database that is
    /// unreachable, restarting or in a serialisation conflict. Anything else (bad data, a bug) is permanent, so a
    /// message that can never succeed does not hold its chat for long.
    /// </summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case IClassifiedFault fault: return fault.IsTransient;
                case DbUpdateConcurrencyException: return true;
                case NpgsqlException npgsql: return npgsql.IsTransient;
                case TimeoutException or HttpRequestException or IOException or SocketException: return true;
                // Not the host stopping (the caller filters that): an HttpClient or command timeout.
                case OperationCanceledException: return true;
            }
        }
        return false;
    }
}
