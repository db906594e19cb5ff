from kindness_challenge import create_app

app = create_app()
