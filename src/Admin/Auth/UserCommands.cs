using YouthMonth.Core.Access;

namespace YouthMonth.Admin.Auth;

/// <summary>
/// Command-line management of web app accounts, for the first admin and for a forgotten password:
///   YouthMonth.Admin users create --name thu.ha --display "Nguyễn Thu Hà" --role admin|viewer --password '…'
///   YouthMonth.Admin users password --name thu.ha --password '…'     (also lifts a lockout)
/// Without --password a random one is made and printed once.
/// </summary>
public static class UserCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2 || args[0] != "users") return false;
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<OfficeAccounts>();
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var name = Arg("--name");
        var password = Arg("--password") ?? System.Security.Cryptography.RandomNumberGenerator.GetString(
            "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 14);

        switch (args[1])
        {
            case "create" when name is not null:
                var role = Enum.TryParse<ApiRole>(Arg("--role") ?? "admin", ignoreCase: true, out var r) ? r : ApiRole.Admin;
                var (user, error) = await accounts.CreateAsync(name, Arg("--display"), role, password);
                if (user is null) { Console.Error.WriteLine(error); Environment.ExitCode = 1; break; }
                Console.WriteLine($"Created {user.Role} account #{user.Id} \"{user.UserName}\"" +
                    (Arg("--password") is null ? $" with password: {password}" : "."));
                break;
            case "password" when name is not null:
                if (password.Length < OfficeAccounts.MinPasswordLength)
                {
                    Console.Error.WriteLine($"The password needs at least {OfficeAccounts.MinPasswordLength} characters.");
                    Environment.ExitCode = 1;
                    break;
                }
                var found = await accounts.SetPasswordAsync(name, password);
                Console.WriteLine(found ? $"Password set for \"{name}\"" + (Arg("--password") is null ? $": {password}" : ".") : $"No account \"{name}\".");
                if (!found) Environment.ExitCode = 1;
                break;
            default:
                Console.Error.WriteLine("Usage: users create --name NAME [--display \"Full name\"] [--role admin|viewer] [--password P]" +
                    " | users password --name NAME [--password P]");
                Environment.ExitCode = 2;
                break;
        }
        return true;
    }
}
