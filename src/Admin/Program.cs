using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Commands;
using YouthMonth.Admin.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (await KeyCommands.TryRunAsync(app, args)) return;
if (await UserCommands.TryRunAsync(app, args)) return;
if (await SampleCommands.TryRunAsync(app, args)) return;

app.UseApplicationMiddleware();
app.MapHealthApi();
app.MapAdminApis();

app.Run();

public partial class Program;
