using PassBroker.Emulator;

await EmulatorApp.Create(args).RunAsync();
