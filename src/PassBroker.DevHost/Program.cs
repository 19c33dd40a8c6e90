using PassBroker.DevHost;

await DevHostApp.Create(args).RunAsync();
