LucidCommand.main(CommandArguments.all)
