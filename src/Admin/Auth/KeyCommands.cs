using YouthMonth.Core.Access;

namespace YouthMonth.Admin.Auth;

/// <summary>
/// Command-line key management, for the first key and for when no admin key is at hand:
///   YouthMonth.Admin keys create --name "Văn phòng" --role admin|viewer
///   YouthMonth.Admin keys revoke --id 3
/// </summary>
public static class KeyCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2 || args[0] != "keys") return false;
        await using var scope = app.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

        switch (args[1])
        {
            case "create":
                var role = Enum.TryParse<ApiRole>(Arg("--role") ?? "admin", ignoreCase: true, out var r) ? r : ApiRole.Admin;
                var created = await keys.CreateAsync(Arg("--name") ?? "admin", role);
                Console.WriteLine($"Created {created.Key.Role} key #{created.Key.Id} \"{created.Key.Name}\": {created.Secret}");
                Console.WriteLine("Keep it safe: it is shown only once.");
                break;
            case "revoke" when int.TryParse(Arg("--id"), out var id):
                Console.WriteLine(await keys.RevokeAsync(id) ? $"Revoked key #{id}." : $"No key #{id}.");
                break;
            default:
                Console.Error.WriteLine("Usage: keys create --name NAME --role admin|viewer | keys revoke --id ID");
                Environment.ExitCode = 2;
                break;
        }
        return true;
    }
}
