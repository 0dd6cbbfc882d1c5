import { defineConfig } from 'vite';
import { remoteAppConfig } from '@relais/vite-config';

export default defineConfig(remoteAppConfig('billing'));
